import FuzzSupport

/// Front-matter and Markdown parsing and validation of one map: any bytes as `content/map.md`.
runFuzzer { data, size in
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzSite.check(FuzzSite.fileSystem(["content/map.md": bytes]))
    return 0
}
