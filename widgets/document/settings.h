#pragma once

#include "engine.h"

#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace pathlens {

// The user's preferences, kept with QSettings between runs.
struct Preferences
{
    enum class Theme { System, Light, Dark };
    static constexpr qint64 defaultLiveImages = 2000; // DESIGN.md section 9

    DeviceChoice device = DeviceChoice::Auto;
    Precision precision = Precision::Fp32; // tf32 and bf16 are opt-in (EngineOptions::precision)
    int threads = 0;         // 0: all cores
    qint64 liveImages = defaultLiveImages; // the class-balanced live subset; -1: the whole test split
    Theme theme = Theme::System;
    QString language;        // "" follows the system locale; else "en" or "de" (read at start)

    static Preferences load();
    void save() const;
    bool engineDiffers(const Preferences &other) const; // device, precision, threads or images changed
    EngineOptions engineOptions() const; // device, precision and threads
};

// Light and dark palettes on the Fusion style; System restores the platform's own look.
void applyTheme(Preferences::Theme theme);
// Installs pathlens's and Qt's translations for `language` ("" follows the system locale) in
// place of earlier ones; false when pathlens has none for it (English is the source language).
bool installTranslations(const QString &language);
// English plural forms ("1 block deleted"): Qt's %n needs a translation even in the source
// language. The main window installs them; harmless when installed already.
void installPluralForms();

// Presentation mode: black on white with a strong highlight, readable from the back of a lecture hall.
void applyHighContrast();

// Settings: device (CPU, or CUDA when present), arithmetic, threads, live subset, theme and language.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const Preferences &preferences, QWidget *parent = nullptr);
    Preferences preferences() const;

private:
    QComboBox *m_device = nullptr;
    QComboBox *m_precision = nullptr;
    QSpinBox *m_threads = nullptr;
    QSpinBox *m_liveImages = nullptr;
    QCheckBox *m_fullTestSet = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
};

} // namespace pathlens
