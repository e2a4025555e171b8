// pathlens-cli against PyTorch's own model(x) on real Fashion-MNIST images, for networks that are
// almost torchvision-shaped (tests/fixtures/zoo.py): the images are labelled by each model itself,
// so the intact network must score exactly 1, and with a block deleted exactly the fraction of
// images on which PyTorch's lesioned network (surgery done in Python) still agrees.

#include "clirunner.h"
#include "testhelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

class TestPytorchAgreement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evalAgreesWithPyTorch_data()
    {
        QFile file(QString::fromStdString(testing::fixture("zoo_agreement.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject all = QJsonDocument::fromJson(file.readAll()).object();
        m_images = all[QStringLiteral("images")].toInt();
        m_mean = QString::number(all[QStringLiteral("mean")].toDouble());
        m_std = QString::number(all[QStringLiteral("std")].toDouble());
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("deleted");
        QTest::addColumn<int>("agreeing");
        const QJsonArray models = all[QStringLiteral("models")].toArray();
        QVERIFY(models.size() >= 10);
        for (const auto &entry : models) {
            const QJsonObject model = entry.toObject();
            const QString name = model[QStringLiteral("name")].toString();
            QTest::newRow(qPrintable(name)) << name << model[QStringLiteral("deleted")].toInt()
                                            << model[QStringLiteral("agreeing")].toInt();
        }
    }

    void evalAgreesWithPyTorch()
    {
        QFETCH(QString, name);
        QFETCH(int, deleted);
        QFETCH(int, agreeing);
        const QString base = QString::fromStdString(testing::fixture(name.toStdString()));
        const QStringList common{QStringLiteral("eval"), base + QStringLiteral(".pt"), QStringLiteral("--data"),
                                 base + QStringLiteral("-images-idx3-ubyte"), QStringLiteral("--mean"), m_mean,
                                 QStringLiteral("--std"), m_std, QStringLiteral("--threads"), QStringLiteral("1"),
                                 QStringLiteral("--json")};
        auto correct = [&](const QStringList &extra) {
            const testing::Run run = testing::cli(common + extra);
            if (run.exitCode != 0)
                qWarning("%s", qPrintable(run.err));
            const QJsonObject result = QJsonDocument::fromJson(run.out).object();
            return qRound(result[QStringLiteral("accuracy")].toDouble(-1) * m_images);
        };
        QCOMPARE(correct({}), m_images); // the labels are the model's own predictions
        QCOMPARE(correct({QStringLiteral("--delete"), QString::number(deleted)}), agreeing);
    }

private:
    int m_images = 0;
    QString m_mean;
    QString m_std;
};

QTEST_APPLESS_MAIN(TestPytorchAgreement)
#include "tst_pytorch_agreement.moc"
