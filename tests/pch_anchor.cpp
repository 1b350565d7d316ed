// Anchor for the shared precompiled test header (tests/CMakeLists.txt).
