import BekalDomain
import BekalRender
import Foundation

/// One entry of the navigation bar.
public struct NavItem: Sendable {
    /// The link's target, a path of the site (`/` or a prefix of the pages it leads to).
    public var path: String
    /// The link's text, in the page's language (escaped when shown).
    public var label: String

    /// An entry linking `label` to `path`.
    public init(path: String, label: String) {
        self.path = path
        self.label = label
    }
}

/// The page shell every page of a site shares: the head (stylesheet from this site, no script), the header with
/// the site's name, navigation, the account and the sign-out button, the language link, and the content.
public struct Layout: Sendable {
    /// The site's name in the header (the facility's).
    public var siteName: String
    /// The navigation for a signed-in account.
    public var navigation: @Sendable (StaffAccount, PageLanguage) -> [NavItem]

    /// A shell with the site's name and the navigation it shows each account in each language.
    public init(siteName: String, navigation: @escaping @Sendable (StaffAccount, PageLanguage) -> [NavItem]) {
        self.siteName = siteName
        self.navigation = navigation
    }

    /// A whole page.
    /// - Parameters:
    ///   - title: the page's title.
    ///   - path: the current path (for the language link to come back to).
    ///   - body: the content.
    public func page(_ title: String, path: String, context: WebRequestContext, notice: String? = nil, _ body: HTML)
        -> HTML
    {
        let language = context.language
        let other = language == .indonesian ? ("en", "English") : ("id", "Bahasa Indonesia")
        let back = WebResponse.localPath(path)
        var header: HTML = .empty
        if let account = context.account {
            let items = navigation(account, language).map { item -> HTML in
                let current = item.path == "/" ? back == "/" : back.hasPrefix(item.path)
                return "<a href=\"\(item.path)\"\(current ? HTML(" aria-current=\"page\"") : .empty)>\(item.label)</a>"
            }
            header = """
                <nav class="menu" aria-label="\(language.t("Menu utama", "Main menu"))">\(items)</nav>
                <div class="who"><span>\(account.displayName ?? account.name) · \(language == .indonesian ? account.role.label.id : account.role.label.en)</span>
                <a href="/sandi">\(language.t("Ganti sandi", "Change password"))</a>
                <form method="post" action="/keluar" class="inline">\(Self.csrf(context))<button type="submit" class="link">\(language.t("Keluar", "Sign out"))</button></form></div>
                """
        }
        return """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(title) · Bekal</title><link rel="stylesheet" href="/static/bekal.css"></head>
            <body>
            <header class="top"><div class="brand"><a href="/">Bekal</a> <span class="site">\(siteName)</span></div>
            \(header)
            <a class="lang" href="/bahasa/\(other.0)?kembali=\(Self.query(back))" lang="\(other.0)">\(other.1)</a></header>
            <main>
            \(notice.map { HTML("<p class=\"notice\" role=\"status\">\($0)</p>") })
            <h1>\(title)</h1>
            \(body)
            </main>
            <footer><p>\(language.t("Bekal — portofolio keterampilan batik cap. Data pribadi WBP dilindungi UU 27/2022; jangan dibagikan.", "Bekal — batik cap skills portfolios. Personal data protected under UU 27/2022; do not share."))</p></footer>
            </body></html>
            """
    }

    /// The hidden CSRF field every form carries.
    public static func csrf(_ context: WebRequestContext) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(context.session?.csrfToken ?? "")\">"
    }

    /// A value for a query string.
    public static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? ""
    }
}
