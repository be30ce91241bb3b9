# The browser tests (tests/browser/*.test.mjs), each one CTest test with the
# label `browser`. Included from src/cli/CMakeLists.txt after the `cradle`
# target:  include(${CMAKE_SOURCE_DIR}/tests/browser/browser_tests.cmake)
#
# Release builds only: the server loads ~45k synthetic births before it
# listens, about 10 s optimised and minutes under the sanitizers. When the
# tests are wanted and something they need is missing, configuring stops with
# what to run, rather than leaving the pages untested without a word.
if(CRADLE_SANITIZE)
  return()
endif()
find_program(CRADLE_NODE node)
set(CRADLE_CHROMIUM /usr/bin/chromium)
set(CRADLE_BROWSER_DIR ${CMAKE_SOURCE_DIR}/tests/browser)
if(NOT CRADLE_NODE)
  message(FATAL_ERROR "Browser tests: node is not on PATH. Run scripts/install-deps.sh.")
endif()
if(NOT EXISTS ${CRADLE_CHROMIUM})
  message(FATAL_ERROR "Browser tests: ${CRADLE_CHROMIUM} is missing. Run scripts/install-deps.sh.")
endif()
if(NOT EXISTS ${CRADLE_BROWSER_DIR}/node_modules/playwright-core/package.json)
  message(FATAL_ERROR "Browser tests: ${CRADLE_BROWSER_DIR}/node_modules is missing. "
                      "Run scripts/install-deps.sh (it runs npm ci there).")
endif()

# cradle_browser_test(NAME FILE): `node --test FILE` against the release
# `cradle`. A server and a browser on a two-core machine: each runs alone, so
# other tests do not push its page loads past their timeouts.
function(cradle_browser_test name file)
  add_test(NAME ${name}
           COMMAND ${CRADLE_NODE} --test ${CRADLE_BROWSER_DIR}/${file}
           WORKING_DIRECTORY ${CRADLE_BROWSER_DIR})
  set_tests_properties(${name} PROPERTIES
    LABELS browser
    ENVIRONMENT "CRADLE_BINARY=$<TARGET_FILE:cradle>;CRADLE_ARTIFACTS=${CMAKE_BINARY_DIR}/artifacts;CRADLE_PSEUDONYM_KEY=${CMAKE_BINARY_DIR}/test-keys/pseudonym.key"
    RUN_SERIAL TRUE
    TIMEOUT 900)
endfunction()

# Every page: no console or CSP errors, chart data against the API, downloads.
cradle_browser_test(browser_pages pages.test.mjs)
# The practitioners' casework flow on a tablet.
cradle_browser_test(browser_practitioner_flow practitioner_flow.test.mjs)
# The CDOP register and the action plan: entering a review, updating an action.
cradle_browser_test(browser_cdop_plan cdop_plan.test.mjs)
# The scrutiny report: `cradle report --pdf`, its pages as PNG checked not
# blank, and the same report from the web app.
cradle_browser_test(browser_report report.test.mjs)
