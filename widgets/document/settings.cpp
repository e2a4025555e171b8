#include "settings.h"

#include "error.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

#include <memory>

namespace pathlens {
namespace {

const char *const deviceNames[] = {"cpu", "cuda", "auto"}; // in DeviceChoice order

QString deviceName(DeviceChoice device)
{
    return QString::fromLatin1(deviceNames[int(device)]);
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(130, 130, 130);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::red);
    palette.setColor(QPalette::Link, QColor(100, 170, 255));
    palette.setColor(QPalette::Highlight, QColor(60, 120, 200));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, disabled);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
}

} // namespace

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences preferences;
    const QString device = settings.value(QStringLiteral("device"), deviceName(preferences.device)).toString();
    for (int i = 0; i < 3; ++i)
        if (device == QLatin1String(deviceNames[i]))
            preferences.device = DeviceChoice(i);
    try {
        preferences.precision = parsePrecision(settings.value(QStringLiteral("precision"), QStringLiteral("fp32")).toString().toStdString());
    } catch (const Error &) {
        preferences.precision = Precision::Fp32; // a damaged setting falls back to the exact default
    }
    // TF32 saved on a machine with CUDA: this one has none, and every engine would refuse to start.
    if (preferences.precision == Precision::Tf32 && !cudaAvailable())
        preferences.precision = Precision::Fp32;
    preferences.threads = qMax(0, settings.value(QStringLiteral("threads"), 0).toInt());
    preferences.liveImages = settings.value(QStringLiteral("liveImages"), preferences.liveImages).toLongLong();
    if (preferences.liveImages == 0 || preferences.liveImages < -1)
        preferences.liveImages = defaultLiveImages;
    preferences.theme = Theme(qBound(0, settings.value(QStringLiteral("theme"), 0).toInt(), 2));
    preferences.language = settings.value(QStringLiteral("language")).toString();
    return preferences;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("device"), deviceName(device));
    settings.setValue(QStringLiteral("precision"), QString::fromStdString(precisionName(precision)));
    settings.setValue(QStringLiteral("threads"), threads);
    settings.setValue(QStringLiteral("liveImages"), liveImages);
    settings.setValue(QStringLiteral("theme"), int(theme));
    settings.setValue(QStringLiteral("language"), language);
}

bool Preferences::engineDiffers(const Preferences &other) const
{
    return device != other.device || precision != other.precision || threads != other.threads
           || liveImages != other.liveImages;
}

EngineOptions Preferences::engineOptions() const
{
    EngineOptions options;
    options.device = device;
    options.precision = precision;
    options.threads = threads;
    return options;
}

void applyTheme(Preferences::Theme theme)
{
    // The platform's style and palette as found at start, to return to.
    static const QString systemStyle = QApplication::style()->name();
    static const QPalette systemPalette = QApplication::palette();
    if (theme == Preferences::Theme::System) {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(systemPalette);
        return;
    }
    // Fusion draws with the palette everywhere, so both themes look the same on every desktop.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Preferences::Theme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

void installPluralForms()
{
    // Installed once and first: translators installed later (German) are asked before it.
    static QTranslator *english = nullptr;
    if (english)
        return;
    english = new QTranslator(qApp);
    if (english->load(QStringLiteral(":/i18n/pathlens_en.qm")))
        QCoreApplication::installTranslator(english);
}

bool installTranslations(const QString &language)
{
    installPluralForms();
    static std::unique_ptr<QTranslator> own;
    static std::unique_ptr<QTranslator> qt;
    for (auto *translator : {&own, &qt})
        if (*translator) {
            QApplication::removeTranslator(translator->get());
            translator->reset();
        }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt.get());
    own = std::make_unique<QTranslator>();
    // English is the source language; its file holds only plural forms (installPluralForms).
    const bool found = locale.language() != QLocale::English && locale.language() != QLocale::C
                       && own->load(locale, QStringLiteral("pathlens"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found)
        QApplication::installTranslator(own.get());
    return found;
}

void applyHighContrast()
{
    applyTheme(Preferences::Theme::Light); // Fusion, so that the palette is what is drawn
    QPalette palette(Qt::black, Qt::white);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(235, 235, 235));
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::ButtonText, Qt::black);
    palette.setColor(QPalette::Button, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0, 50, 200));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(80, 80, 80));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(120, 120, 120));
    QApplication::setPalette(palette);
}

SettingsDialog::SettingsDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(this);

    m_device = new QComboBox(this);
    m_device->addItem(tr("Automatic (CUDA when present)"), int(DeviceChoice::Auto));
    m_device->addItem(tr("CPU"), int(DeviceChoice::Cpu));
    m_device->addItem(cudaAvailable() ? tr("CUDA") : tr("CUDA (not available here)"), int(DeviceChoice::Cuda));
    m_device->setCurrentIndex(m_device->findData(int(preferences.device)));
    form->addRow(tr("&Device:"), m_device);

    // TF32 and BF16 are faster on recent GPUs and less exact: opt-in, and each evaluation then
    // says how far the unedited network's accuracy is from FP32's.
    m_precision = new QComboBox(this);
    m_precision->addItem(tr("FP32 (exact)"), int(Precision::Fp32));
    m_precision->addItem(cudaAvailable() ? tr("TF32 (CUDA only, less exact)") : tr("TF32 (CUDA only: not available here)"),
                         int(Precision::Tf32));
    m_precision->addItem(tr("BF16 (less exact)"), int(Precision::Bf16));
    if (auto *items = qobject_cast<QStandardItemModel *>(m_precision->model()); items && !cudaAvailable())
        items->item(1)->setEnabled(false); // TF32 exists on CUDA only
    m_precision->setCurrentIndex(m_precision->findData(int(preferences.precision)));
    form->addRow(tr("&Arithmetic:"), m_precision);

    m_threads = new QSpinBox(this);
    m_threads->setRange(0, 1024);
    m_threads->setSpecialValueText(tr("All cores (%1)").arg(defaultThreadCount()));
    m_threads->setValue(preferences.threads);
    form->addRow(tr("CPU &threads:"), m_threads);

    m_liveImages = new QSpinBox(this);
    m_liveImages->setRange(100, 1000000);
    m_liveImages->setSingleStep(500);
    m_liveImages->setSuffix(tr(" images"));
    m_liveImages->setValue(int(preferences.liveImages > 0 ? preferences.liveImages : Preferences::defaultLiveImages));
    m_fullTestSet = new QCheckBox(tr("&Full test set (slower, exact)"), this);
    m_fullTestSet->setChecked(preferences.liveImages < 0);
    m_liveImages->setEnabled(!m_fullTestSet->isChecked());
    connect(m_fullTestSet, &QCheckBox::toggled, m_liveImages, [this](bool full) { m_liveImages->setEnabled(!full); });
    form->addRow(tr("&Live subset:"), m_liveImages);
    form->addRow(QString(), m_fullTestSet);

    m_theme = new QComboBox(this);
    m_theme->addItems({tr("Follow the system"), tr("Light"), tr("Dark")});
    m_theme->setCurrentIndex(int(preferences.theme));
    form->addRow(tr("T&heme:"), m_theme);

    m_language = new QComboBox(this);
    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(preferences.language)));
    form->addRow(tr("&Language:"), m_language);
    auto *restart = new QLabel(tr("A new language takes effect when pathlens starts again."), this);
    restart->setWordWrap(true);
    form->addRow(QString(), restart);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Preferences SettingsDialog::preferences() const
{
    Preferences preferences;
    preferences.device = DeviceChoice(m_device->currentData().toInt());
    preferences.precision = Precision(m_precision->currentData().toInt());
    preferences.threads = m_threads->value();
    preferences.liveImages = m_fullTestSet->isChecked() ? -1 : m_liveImages->value();
    preferences.theme = Preferences::Theme(m_theme->currentIndex());
    preferences.language = m_language->currentData().toString();
    return preferences;
}

} // namespace pathlens
