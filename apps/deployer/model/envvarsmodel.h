#pragma once
// EnvVarsModel: the deployment's environment variables — name, value, secret.
//
// Names and values are checked with strategies::validateEnvName/validateEnvValue
// (the same rules the Dockerfile generator applies) plus "no duplicates"; a row's
// problem is exposed as ErrorRole/ToolTipRole so the view shows it inline.
// Secret values display masked unless setRevealSecrets(true); EditRole always
// carries the real value. Secrets are only held in memory here: they travel to
// the relay with the deploy request and are never written to QSettings.

#include <QAbstractTableModel>

namespace ttalkak::deployer {

struct EnvVar
{
    QString name;
    QString value;
    bool secret = false;
    friend bool operator==(const EnvVar &, const EnvVar &) = default;
};

class EnvVarsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, SecretColumn, ColumnCount };
    enum Role { ErrorRole = Qt::UserRole + 1 };

    explicit EnvVarsModel(QObject *parent = nullptr);

    // Appends a row and returns its index.
    int addVariable(const EnvVar &var = {});
    void setVariables(const QList<EnvVar> &vars);
    const QList<EnvVar> &variables() const { return m_vars; }

    bool revealSecrets() const { return m_reveal; }
    void setRevealSecrets(bool reveal);

    // "" when the row is fine, else a translated message.
    QString rowError(int row) const;
    bool isValid() const;
    // "FOO: message" for each invalid row.
    QStringList errors() const;

    static QString maskedText();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    void retranslate();

Q_SIGNALS:
    // Emitted after any change that may alter isValid()/errors().
    void validityChanged();

private:
    void rowsTouched(int first, int last, const QList<int> &roles);

    QList<EnvVar> m_vars;
    bool m_reveal = false;
};

} // namespace ttalkak::deployer
