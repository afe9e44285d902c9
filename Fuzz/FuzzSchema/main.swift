import FuzzSupport

/// Schema loading: any bytes as `schema.yml`, with a valid map read against the schema when it loads.
runFuzzer { data, size in
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzSite.check(FuzzSite.fileSystem(["schema.yml": bytes, "content/map.md": Array(FuzzSite.map.utf8)]))
    return 0
}
