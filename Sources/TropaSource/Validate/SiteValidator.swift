import TropaModel
import Foundation

/// What the site-wide checks need of a map: its file and its persona. A full build keeps this rather than the
/// map, whose pages are written as soon as it is parsed.
package struct JourneyClaim: Sendable {
    package let path: String
    package let personaID: String?
    package let personaLocation: SourceLocation?
    package let compare: [MapReference]
    package let links: [MapLink]
    /// What links to it need of it.
    package let linked: LinkedMap

    package init(_ journey: Journey) {
        path = journey.path
        personaID = journey.personaID
        personaLocation = journey.personaLocation
        compare = journey.compare
        links = journey.links
        linked = LinkedMap(stages: journey.stages.map { LinkedStage(name: $0.name, branch: $0.branch) }, draft: journey.draft)
    }
}

/// What a link to a map needs of it: the stages its fragment may name, and whether it is a draft (whose page a
/// build without `--drafts` leaves out).
package struct LinkedMap: Sendable, Equatable {
    package let stages: [LinkedStage]
    package let draft: Bool

    package init(stages: [LinkedStage], draft: Bool) {
        self.stages = stages
        self.draft = draft
    }
}

/// A stage as a link names it: by its name with its branch.
package struct LinkedStage: Sendable, Equatable {
    package let name: String
    package let branch: String?

    package init(name: String, branch: String?) {
        self.name = name
        self.branch = branch
    }

    package var id: StageID { StageID(name: name, branch: branch) }

    /// How a link names it: `оплата`, `визит-в-шоурум-офлайн`.
    package var fragment: String {
        NameKey(branch.map { name + " " + $0 } ?? name).value.split(separator: " ").joined(separator: "-")
    }
}

/// Checks what only the whole site can tell of its sources: that the personas and the maps to compare with that
/// maps name exist. (Where pages go is the output's to check: `OutputClaims`.)
package struct SiteValidator {
    package let journeys: [JourneyClaim]
    package let personas: [Persona]
    /// Every map file of the site, read in this run or not (an update reads only the changed ones).
    package let mapPaths: [String]
    package let contentPath: String
    /// Whether the build leaves drafts out (without `--drafts`): a link from a map it writes to a draft then
    /// leads nowhere.
    package let draftsLeftOut: Bool
    /// A map not read in this run (an update's unchanged maps, from the build record), for the links to it; nil
    /// when it cannot tell.
    package let recorded: (String) -> LinkedMap?
    /// The other files under the content folder, relative to the site folder, and those of them the build copies
    /// (all but the maps' measurements).
    package let files: [String]
    package let copied: Set<String>
    /// Whether the build writes a file at a path of the output (a page, a map's `journey.csv`).
    package let written: (String) -> Bool

    package init(journeys: [JourneyClaim], personas: [Persona], mapPaths: [String]? = nil, contentPath: String = "content",
                 draftsLeftOut: Bool = true, recorded: @escaping (String) -> LinkedMap? = { _ in nil },
                 files: [String] = [], copied: Set<String>? = nil, written: @escaping (String) -> Bool = { _ in false }) {
        self.journeys = journeys
        self.personas = personas
        self.mapPaths = mapPaths ?? journeys.map(\.path)
        self.contentPath = contentPath
        self.draftsLeftOut = draftsLeftOut
        self.recorded = recorded
        self.files = files
        self.copied = copied ?? Set(files)
        self.written = written
    }

    package func validate() -> [Diagnostic] {
        unknownPersonas() + unknownMaps() + brokenLinks()
    }

    /// A link to a map's or persona's file leads to one of the site, and its fragment to a stage of that map; drafts
    /// count, as for `compare`, but a link to one from a map the build writes is a warning when the build leaves
    /// drafts out: the page it leads to is not written.
    private func brokenLinks() -> [Diagnostic] {
        // A persona's links are checked as a map's, in every build (every build reads every persona).
        let linking = journeys.map { (path: $0.path, draft: $0.linked.draft, links: $0.links) }
            + personas.map { (path: $0.path, draft: false, links: $0.links) }
        guard linking.contains(where: { !$0.links.isEmpty }) else { return [] }
        let paths = Set(mapPaths), personaPaths = Set(personas.map(\.path))
        let read = Dictionary(journeys.map { ($0.path, $0.linked) }, uniquingKeysWith: { first, _ in first })
        var anchors: [String: Set<String>] = [:]
        var diagnostics: [Diagnostic] = []
        for file in linking {
            for link in file.links {
                if link.leadsToFile {
                    if let problem = brokenFile(link, from: file.path, maps: paths, personas: personaPaths) {
                        diagnostics.append(problem)
                    }
                    continue
                }
                guard paths.contains(link.target) || personaPaths.contains(link.target) else {
                    let written = link.written
                    // A file beside the site (`../../README.md`) is no page of it.
                    if link.target.hasPrefix("../") {
                        diagnostics.append(.error(.brokenLink, .linkOutOfContent(written), at: link.location,
                                                  suggestion: .linkByAddress))
                        continue
                    }
                    // A file in the personas' folder is a persona, named and suggested as one.
                    let toPersona = link.target.hasPrefix(contentPath + "/" + SiteInputs.personaFolder + "/")
                    let paths = (toPersona ? personas.map(\.path) : mapPaths).filter { $0 != file.path }
                    let names = paths.map { Self.relative($0, from: file.path) }
                    diagnostics.append(.error(.brokenLink, toPersona ? .brokenPersonaLink(written) : .brokenLink(written),
                                              at: link.location,
                                              suggestion: Suggestion.help(for: written, among: names)
                                                ?? Self.renamedFile(link.target, among: paths).map { .didYouMean(Self.relative($0, from: file.path)) }
                                                ?? (toPersona ? names.isEmpty ? .linkToMapFile(nil) : .personasOfSite(names)
                                                    : names.first.map { .linkToMapFile($0) } ?? .noOtherMap)))
                    continue
                }
                guard paths.contains(link.target), let target = read[link.target] ?? recorded(link.target) else { continue }
                if draftsLeftOut, target.draft, !file.draft {
                    diagnostics.append(.warning(.draftLink, .linkToDraft(Self.relative(link.target, from: file.path)),
                                                at: link.location, suggestion: .publishDraftOrUnlink))
                }
                guard let anchor = link.anchor else { continue }
                let stages = target.stages
                if anchors[link.target] == nil { anchors[link.target] = Set(StageID.anchors(stages.map(\.id))) }
                guard !anchors[link.target]!.contains(StageID.anchor(fragment: anchor)) else { continue }
                let fragments = stages.map(\.fragment)
                let map = Self.relative(link.target, from: file.path)
                // A stage of several branches is named with the branch's label: each is offered.
                let key = StageID.anchor(fragment: anchor)
                let branches = stages.filter { $0.branch != nil && StageID.anchor(fragment: $0.name) == key }.map { "#" + $0.fragment }
                diagnostics.append(.error(.brokenLink, .brokenAnchor(anchor: anchor, map: map), at: link.location,
                                          suggestion: branches.count > 1 ? .stageOfBranches(branches)
                                            : Self.closestStage(to: anchor, among: stages).map { .didYouMean("#" + $0) }
                                            ?? .stagesAre(fragments)))
            }
        }
        return diagnostics
    }

    /// A link to a file the build neither copies nor writes: one that is not there (perhaps a map's or persona's
    /// file written without its `.md`, which leads to no page), a map's measurements, which are read and not
    /// copied, or a hidden file or one in a hidden folder, which is never copied. A link to a folder of the site, or
    /// to a page or file tropa writes, is fine.
    private func brokenFile(_ link: MapLink, from map: String, maps: Set<String>, personas: Set<String>) -> Diagnostic? {
        guard !copied.contains(link.target) else { return nil }
        let written = link.written, path = String(link.written.prefix { $0 != "?" })
        // Even where the map's folder has the name, its fragment names no stage column.
        if maps.contains(link.target + ".md") || personas.contains(link.target + ".md") {
            return .error(.brokenLink, .brokenFileLink(written), at: link.location,
                          suggestion: .didYouMean(path + ".md" + link.text.dropFirst(path.count)))
        }
        let content = contentPath + "/"
        let output = link.target.hasPrefix(content) ? String(link.target.dropFirst(content.count)) : link.target
        let folder = link.target + "/"
        guard !self.written(output), !self.written(output + "/index.html"), !files.contains(where: { $0.hasPrefix(folder) }),
              !maps.contains(where: { $0.hasPrefix(folder) }) else { return nil }
        if files.contains(link.target) {
            return .error(.brokenLink, .linkToMeasurements(written), at: link.location, suggestion: .publishMeasurements)
        }
        // The site's files are listed without hidden ones, which are never copied: one may well be there.
        if let hidden = output.split(separator: "/").first(where: { $0.hasPrefix(".") }) {
            return .error(.brokenLink, .linkToHiddenFile(written, hidden: String(hidden)), at: link.location,
                          suggestion: .unhide(String(hidden)))
        }
        let names = files.filter(copied.contains).map { Self.relative($0, from: map) }
        return .error(.brokenLink, .brokenFileLink(written), at: link.location,
                      suggestion: Suggestion.help(for: path.removingPercentEncoding ?? path, among: names)
                        ?? .putFileAt(link.target))
    }

    /// The one file of `paths` in the folder of `target` whose name has words added to or taken from its name
    /// (`oformlenie.md` for `oformlenie-karty.md`): a map renamed since the link was written.
    private static func renamedFile(_ target: String, among paths: [String]) -> String? {
        func split(_ path: String) -> (folder: Substring, stem: String) {
            let slash = path.lastIndex(of: "/")
            let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
            return (slash.map { path[..<$0] } ?? "", String(name.hasSuffix(".md") ? name.dropLast(3) : name))
        }
        let (folder, stem) = split(target)
        let beside = paths.filter { split($0).folder == folder }
        let stems = beside.map { split($0).stem }
        return Suggestion.renamed(stem, among: stems).flatMap { stems.firstIndex(of: $0) }.map { beside[$0] }
    }

    /// The stage a fragment names by mistake: a stage of a branch named without its label, a typo, or a stage
    /// renamed since with words added or taken away (`#доставка` for «Доставка и сборка», `#оплата-заказа` for
    /// «Оплата»).
    private static func closestStage(to anchor: String, among stages: [LinkedStage]) -> String? {
        let key = StageID.anchor(fragment: anchor)
        if let stage = stages.first(where: { StageID.anchor(fragment: $0.name) == key }) { return stage.fragment }
        let words = anchor.replacingOccurrences(of: "-", with: " ")
        let names = stages.map(\.fragment).map { $0.replacingOccurrences(of: "-", with: " ") }
        return (Suggestion.closest(to: words, among: names) ?? Suggestion.renamedStage(words, among: names))
            .map { $0.replacingOccurrences(of: " ", with: "-") }
    }

    /// `path` as a link from the map at `from` writes it (both relative to the site folder).
    package static func relative(_ path: String, from: String) -> String {
        let folder = from.split(separator: "/").dropLast()
        let parts = path.split(separator: "/")
        let common = zip(folder, parts).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: folder.count - common) + parts.dropFirst(common).map(String.init))
            .joined(separator: "/")
    }

    /// A `compare` entry names a map of the site; a draft counts, so last year's version may stay out of the catalogue.
    private func unknownMaps() -> [Diagnostic] {
        let paths = Set(mapPaths)
        let unknown = journeys.flatMap { journey in
            journey.compare.filter { !paths.contains($0.path(inContent: contentPath)) }
        }
        guard !unknown.isEmpty else { return [] }
        let names = mapPaths.map { MapReference.name(of: $0, inContent: contentPath) }
        return unknown.map { reference in
            let others = names.filter { $0 != MapReference.name(of: reference.location.file, inContent: contentPath) }
            return .error(.unknownMap, .unknownMap(reference.text), at: reference.location,
                          suggestion: Suggestion.help(for: reference.text, among: others)
                              ?? Self.mapInFolder(reference.text, among: others).map { .closest($0, to: reference.text) }
                              ?? others.first.map(Message.mapsAreNamed) ?? .noMapToCompare)
        }
    }

    /// `pyton/python` → `python/python-s-nulya`: the map of a folder whose name is a typo of the one written (not
    /// the top folder) whose file name starts with the one written or is close to it; nil when the folder is no
    /// typo or no map there is close.
    private static func mapInFolder(_ name: String, among names: [String]) -> String? {
        let parts = name.split(separator: "/")
        guard parts.count > 1, let file = parts.last.map(String.init) else { return nil }
        let folder = { (name: String) in String(name.split(separator: "/").dropLast().joined(separator: "/")) }
        let folders = Set(names.map(folder)).subtracting([""]).sorted()
        guard let closest = Suggestion.closest(to: folder(name), among: folders) else { return nil }
        let inFolder = names.filter { folder($0) == closest }.map { String($0.split(separator: "/").last!) }
        return (inFolder.first { $0.hasPrefix(file) } ?? Suggestion.closest(to: file, among: inFolder, loosely: true))
            .map { closest + "/" + $0 }
    }

    private func unknownPersonas() -> [Diagnostic] {
        let ids = personas.map(\.id)
        return journeys.compactMap { journey in
            guard let id = journey.personaID, !ids.contains(id) else { return nil }
            let location = journey.personaLocation ?? SourceLocation(file: journey.path, line: 1)
            return .error(.unknownPersona, .unknownPersona(id), at: location,
                          suggestion: Self.personaHelp(for: id, among: personas.map { ($0.id, $0.name) }))
        }
    }

    /// The help for an unknown persona id: the id of the persona of that name (`persona:` takes the file's name,
    /// not the persona's), the closest id, or the ones there are, or the file to add.
    package static func personaHelp(for id: String, among personas: [(id: String, name: String)]) -> Message {
        let ids = personas.map(\.id)
        if let named = personas.first(where: { NameKey($0.name) == NameKey(id) }) { return .write(named.id) }
        return Suggestion.help(for: id, among: ids)
            ?? (ids.isEmpty ? .addPersona(id) : .personasOfSite(ids))
    }
}
