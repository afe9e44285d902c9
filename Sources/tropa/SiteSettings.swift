import TropaModel
import TropaBuild
import ArgumentParser
import TropaTerminal

extension LanguageOption {
    /// The settings and schema of the site a command writes into, and the language to speak in; when they cannot be
    /// read, their problems are reported and the command stops with exit status 1.
    func siteSettings(_ siteDirectory: String) throws -> (config: SiteConfig, schema: LayerSchema, language: Language) {
        let result = try Terminal.run(language: lang) { try SiteChecker().settings(root: siteDirectory) }
        let language = or(result.language)
        guard let (config, schema) = result.settings else {
            Terminal.report(result.diagnostics, sources: result.sources, format: .text, checked: .siteSettings,
                            language: language)
            throw ExitCode(1)
        }
        return (config, schema, language)
    }
}
