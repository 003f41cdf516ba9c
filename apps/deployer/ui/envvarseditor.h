#pragma once
// EnvVarsEditor: the env-vars table (EnvVarsModel) with add/remove, a
// reveal-secrets toggle and the model's validation errors shown inline.

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace ttalkak::deployer {

class EnvVarsModel;

class EnvVarsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit EnvVarsEditor(EnvVarsModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void addRow();
    void removeSelected();
    void updateErrors();
    void retranslateUi();

    EnvVarsModel *m_model;
    QLabel *m_hint;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_reveal;
    QTableView *m_view;
    QLabel *m_errors;
};

} // namespace ttalkak::deployer
