import TropaModel
import TropaSource
import TropaOutput

/// What `tropa theme` tells of a site's theme and what `tropa theme --copy` writes: the built-in theme's files
/// copied into the site's templates folder to be changed there, none that is there already (an author's file is
/// never overwritten).
public struct ThemeCopy: Sendable {
    /// The templates folder, as the site names it from the current folder (`site/templates`).
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// A file of the theme as the site has it.
    public enum Status: Equatable, Sendable {
        /// Not in the site's folder: the built-in one is used.
        case builtIn
        /// In the site's folder with the built-in text: it changes nothing.
        case sameAsBuiltIn
        /// In the site's folder, changed.
        case own
    }

    /// Every file of the theme with how the site has it; `text` reads a file of the site's folder, nil when absent.
    public func statuses(reading text: (String) -> String?) -> [(name: String, status: Status)] {
        BuiltInThemeFiles.names.map { name in
            guard let own = text(path(of: name)) else { return (name, .builtIn) }
            return (name, BuiltInThemeFiles.isBuiltIn(own, named: name) ? .sameAsBuiltIn : .own)
        }
    }

    /// One file to copy: written, or left as it is because the site has it.
    public enum Step: Equatable, Sendable {
        case write(path: String, text: String)
        case keep(path: String)
    }

    /// A name on the command line that is no file of the theme: what to say, and the help (the name meant, or the
    /// theme's files).
    public struct UnknownFile: Error, Equatable {
        /// The name as written.
        public let name: String
        public let message: Message
        public let help: Message
    }

    /// The steps of copying `names` (`base`, `base.mustache`, `style.css`; `all` for every file), each file once;
    /// a name the theme has not is said before anything is written.
    public func steps(for names: [String], exists: (String) -> Bool) -> Result<[Step], UnknownFile> {
        var chosen: [String] = []
        for written in names {
            if written == "all" {
                chosen += BuiltInThemeFiles.names
                continue
            }
            guard let name = Self.fileName(written) else {
                let base = BuiltInThemeFiles.names.map { $0.hasSuffix(Theme.templateExtension) ? String($0.dropLast(Theme.templateExtension.count)) : $0 }
                let closest = Suggestion.closest(to: written, among: base)
                return .failure(UnknownFile(name: written, message: .themeFileUnknown(written),
                                            help: closest.map { Message.closest($0, to: written) } ?? .themeFilesAre(base)))
            }
            chosen.append(name)
        }
        var seen: Set<String> = []
        return .success(chosen.filter { seen.insert($0).inserted }.map { name in
            let path = path(of: name)
            return exists(path) ? .keep(path: path) : .write(path: path, text: BuiltInThemeFiles.copy(of: name)!)
        })
    }

    /// The theme's file `written` names, with or without its extension (`base`, `style`); nil for none.
    static func fileName(_ written: String) -> String? {
        [written, written + Theme.templateExtension, written + ".css"].first(where: BuiltInThemeFiles.names.contains)
    }

    private func path(of name: String) -> String { folder + "/" + name }
}
