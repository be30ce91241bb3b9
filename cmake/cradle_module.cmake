# cradle_module(NAME SOURCES ... DEPS ... TESTS ...)
# One static library per folder (cradle_<NAME>) linking only the folders beneath
# it, so an upward include fails to link; and one GoogleTest executable per
# folder, registered test by test with CTest.
function(cradle_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;TESTS;TEST_DEPS" ${ARGN})
  add_library(cradle_${name} STATIC ${ARG_SOURCES})
  # A unity build (CMake joins the folder's files eight at a time) parses each
  # header once per batch instead of once per file: it roughly halves the
  # build of the libraries. A file whose private names clash with a
  # neighbour's is kept out with SKIP_UNITY_BUILD_INCLUSION in its folder.
  set_target_properties(cradle_${name} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  target_include_directories(cradle_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(cradle_${name} PUBLIC ${ARG_DEPS})
  target_compile_definitions(cradle_${name} PRIVATE
    CRADLE_DATA_DIR="${CRADLE_DATA_DIR}")
  if(ARG_TESTS)
    add_executable(${name}_test ${ARG_TESTS})
    target_link_libraries(${name}_test PRIVATE cradle_${name} ${ARG_TEST_DEPS} GTest::gtest GTest::gtest_main)
    target_compile_definitions(${name}_test PRIVATE
      CRADLE_TESTDATA_DIR="${CRADLE_TESTDATA_DIR}" CRADLE_DATA_DIR="${CRADLE_DATA_DIR}")
    # The pseudonym key (and the audit heads beside it) of tests that do not
    # choose their own: in the build tree, never the user's home.
    gtest_discover_tests(${name}_test DISCOVERY_TIMEOUT 60 PROPERTIES LABELS ${name}
      ENVIRONMENT "CRADLE_PSEUDONYM_KEY=${CMAKE_BINARY_DIR}/test-keys/pseudonym.key")
  endif()
endfunction()
