#pragma once
#include <filesystem>

int fakeLibraryAnswer();
