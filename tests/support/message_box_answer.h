#pragma once
// Answers the next modal QMessageBox as a person would: clicks the button labelled
// `buttonText` (mnemonic '&' ignored) once the box is up, and reports the box's text in `seen`.
#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <QtTest/QtTest>

namespace uegr::testing {

inline void answerNextMessageBox(const QString& buttonText, QString* seen) {
    auto* poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, buttonText, seen] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) return;
        *seen = box->text();
        poll->stop();
        poll->deleteLater();
        for (QAbstractButton* button : box->buttons())
            if (button->text().remove(QLatin1Char('&')) == buttonText)
                QTest::mouseClick(button, Qt::LeftButton);
    });
    poll->start(20);
}

}  // namespace uegr::testing
