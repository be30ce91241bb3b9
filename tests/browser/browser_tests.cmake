# The browser tests (tests/browser/pages.test.mjs) as one CTest test,
# `browser_pages`, label `browser`. Include it from src/cli/CMakeLists.txt after
# the `cradle` target:  include(${CMAKE_SOURCE_DIR}/tests/browser/browser_tests.cmake)
#
# Release builds only: the server loads ~45k synthetic births before it
# listens, about 10 s optimised and minutes under the sanitizers. When the
# test is wanted and something it needs is missing, configuring stops with
# what to run, rather than leaving the pages untested without a word.
if(NOT CRADLE_SANITIZE)
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
  add_test(NAME browser_pages
           COMMAND ${CRADLE_NODE} --test ${CRADLE_BROWSER_DIR}/pages.test.mjs
           WORKING_DIRECTORY ${CRADLE_BROWSER_DIR})
  set_tests_properties(browser_pages PROPERTIES
    LABELS browser
    ENVIRONMENT "CRADLE_BINARY=$<TARGET_FILE:cradle>;CRADLE_ARTIFACTS=${CMAKE_BINARY_DIR}/artifacts;CRADLE_PSEUDONYM_KEY=${CMAKE_BINARY_DIR}/test-keys/pseudonym.key"
    # A server and a browser on a two-core machine: alone, so other tests do
    # not push its page loads past their timeouts.
    RUN_SERIAL TRUE
    TIMEOUT 900)
endif()

# The practitioners' casework flow on a tablet (tests/browser/practitioner_flow.test.mjs)
# as its own test, `browser_practitioner_flow`, under the same conditions.
if(NOT CRADLE_SANITIZE)
  add_test(NAME browser_practitioner_flow
           COMMAND ${CRADLE_NODE} --test ${CRADLE_BROWSER_DIR}/practitioner_flow.test.mjs
           WORKING_DIRECTORY ${CRADLE_BROWSER_DIR})
  set_tests_properties(browser_practitioner_flow PROPERTIES
    LABELS browser
    ENVIRONMENT "CRADLE_BINARY=$<TARGET_FILE:cradle>;CRADLE_ARTIFACTS=${CMAKE_BINARY_DIR}/artifacts;CRADLE_PSEUDONYM_KEY=${CMAKE_BINARY_DIR}/test-keys/pseudonym.key"
    RUN_SERIAL TRUE
    TIMEOUT 900)
endif()

# The CDOP register and the action plan (tests/browser/cdop_plan.test.mjs):
# entering a review and updating an action, as `browser_cdop_plan`.
if(NOT CRADLE_SANITIZE)
  add_test(NAME browser_cdop_plan
           COMMAND ${CRADLE_NODE} --test ${CRADLE_BROWSER_DIR}/cdop_plan.test.mjs
           WORKING_DIRECTORY ${CRADLE_BROWSER_DIR})
  set_tests_properties(browser_cdop_plan PROPERTIES
    LABELS browser
    ENVIRONMENT "CRADLE_BINARY=$<TARGET_FILE:cradle>;CRADLE_ARTIFACTS=${CMAKE_BINARY_DIR}/artifacts;CRADLE_PSEUDONYM_KEY=${CMAKE_BINARY_DIR}/test-keys/pseudonym.key"
    RUN_SERIAL TRUE
    TIMEOUT 900)
endif()

# The scrutiny report (tests/browser/report.test.mjs): `cradle report --pdf`,
# its pages as PNG checked not blank, and the same report from the web app,
# as `browser_report`.
if(NOT CRADLE_SANITIZE)
  add_test(NAME browser_report
           COMMAND ${CRADLE_NODE} --test ${CRADLE_BROWSER_DIR}/report.test.mjs
           WORKING_DIRECTORY ${CRADLE_BROWSER_DIR})
  set_tests_properties(browser_report PROPERTIES
    LABELS browser
    ENVIRONMENT "CRADLE_BINARY=$<TARGET_FILE:cradle>;CRADLE_ARTIFACTS=${CMAKE_BINARY_DIR}/artifacts;CRADLE_PSEUDONYM_KEY=${CMAKE_BINARY_DIR}/test-keys/pseudonym.key"
    RUN_SERIAL TRUE
    TIMEOUT 900)
endif()
