// The layering check's proof (tests/layering.cmake): a stand-in for a widget that includes a torch
// header and is compiled with LibTorch's include path. The check must reject this object.
#include <c10/macros/Macros.h>

int widgetIncludingTorch() {
    return C10_LIKELY(true) ? 1 : 0;
}
