// Progressive enhancement only: every page works without this file. It moves
// focus to the main content when the skip link is followed, so keyboard and
// screen-reader users land where the link says.
document.addEventListener('DOMContentLoaded', () => {
  const skip = document.querySelector('.skip-link');
  const main = document.getElementById('main');
  if (skip && main) {
    skip.addEventListener('click', () => main.focus());
  }
});
