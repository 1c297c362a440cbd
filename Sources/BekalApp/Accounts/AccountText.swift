import BekalDomain

/// What an account event says, in a line of a history (both languages).
enum AccountText {
    static func summary(_ event: AccountEvent) -> LocalizedText {
        switch event.action {
        case .created:
            LocalizedText(id: "Akun \(event.account) dibuat (\(event.role?.label.id ?? "-"))",
                          en: "Account \(event.account) created (\(event.role?.label.en ?? "-"))")
        case .roleChanged:
            LocalizedText(id: "Peran akun \(event.account) menjadi \(event.role?.label.id ?? "-")",
                          en: "Account \(event.account) now \(event.role?.label.en ?? "-")")
        case .disabled: LocalizedText(id: "Akun \(event.account) dinonaktifkan", en: "Account \(event.account) disabled")
        case .enabled: LocalizedText(id: "Akun \(event.account) diaktifkan", en: "Account \(event.account) enabled")
        case .caseloadAssigned: LocalizedText(id: "Wali: \(event.account)", en: "Counselor: \(event.account)")
        }
    }
}
