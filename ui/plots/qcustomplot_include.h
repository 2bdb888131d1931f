#pragma once
// QCustomPlot, included through this header only. pacd_ui, pacd-studio and the UI tests build with QT_NO_KEYWORDS,
// but qcustomplot.h itself writes `signals:` and `foreach`: they mean Qt's macros for this one include and are
// undefined again after it, so that a stray `signals`/`slots`/`emit` elsewhere stays a compile error (and torch's
// headers, which use `slots` as a name, compile in any order).
#include <QtCore/qobjectdefs.h>

#if defined(signals) || defined(slots) || defined(foreach)
#include <qcustomplot.h> // a target built without QT_NO_KEYWORDS: the keywords are there already
#else
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach
#endif
