#pragma once
// qcustomplot.h declares its signals and slots with Qt's `signals`/`slots` keywords, which this
// project turns off (QT_NO_KEYWORDS, because they break LibTorch headers), and `foreach`.
// Map them to the Q_ macros for this one header only.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach
