import FuzzSupport

/// The measurements reader: any bytes as the CSV a valid map names, its rows matched to the map's stages.
runFuzzer { data, size in
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzSite.check(FuzzSite.fileSystem(["content/map.md": Array(FuzzSite.measuredMap.utf8), "content/metrics.csv": bytes]))
    return 0
}
