/* The floor of a cold build, for Benchmarks/bench.py: what cmark and the file system cost alone, on every core.
 *
 *   floor parse DIR         reads every .md file under DIR and parses it with cmark_parse_document (the options a
 *                           build uses: CMARK_OPT_SOURCEPOS | CMARK_OPT_DEFAULT), then frees the tree; the caller
 *                           times the whole process
 *   floor write SOURCE DEST reads the files under SOURCE into memory, then writes them under DEST (a new folder) with
 *                           one open/write/close per file, making each folder as a build does; prints the seconds
 *                           spent writing only
 *
 * Both spread the files over as many threads as there are cores. The write reads at most BATCH bytes at a time and
 * writes them before reading more, so that a 100,000-map output need not fit in memory.
 *
 * Build: cc -O2 -o floor floor.c -lcmark -lpthread
 */
#define _GNU_SOURCE
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef BATCH
#define BATCH ((size_t)256 << 20)
#endif

typedef struct {
    char *source;      /* the path to read */
    char *destination; /* the path to write (write only) */
    int folder;
    char *bytes;
    size_t size;
} Entry;

static Entry *entries;
static size_t count, capacity;
static size_t batch_end;
static atomic_size_t next_entry;

static void fail(const char *what, const char *path) {
    fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static char *join(const char *a, const char *b) {
    char *path;
    if (asprintf(&path, "%s/%s", a, b) < 0) fail("out of memory", a);
    return path;
}

static void add(char *source, char *destination, int folder) {
    if (count == capacity) {
        capacity = capacity ? capacity * 2 : 4096;
        entries = realloc(entries, capacity * sizeof(Entry));
        if (!entries) fail("out of memory", source);
    }
    entries[count++] = (Entry){source, destination, folder, NULL, 0};
}

/* Lists `source` depth first, a folder before what it holds; `destination` is NULL for the parse, which keeps
 * only .md files. */
static void walk(const char *source, const char *destination) {
    DIR *folder = opendir(source);
    if (!folder) fail("cannot list", source);
    struct dirent *item;
    while ((item = readdir(folder))) {
        if (!strcmp(item->d_name, ".") || !strcmp(item->d_name, "..")) continue;
        char *path = join(source, item->d_name);
        int type = item->d_type;
        if (type == DT_UNKNOWN) {
            struct stat status;
            if (lstat(path, &status) != 0) fail("cannot stat", path);
            type = S_ISDIR(status.st_mode) ? DT_DIR : S_ISREG(status.st_mode) ? DT_REG : DT_LNK;
        }
        char *target = destination ? join(destination, item->d_name) : NULL;
        if (type == DT_DIR) {
            if (destination) add(strdup(path), strdup(target), 1);
            walk(path, target);
            free(path);
            free(target);
        } else if (type == DT_REG) {
            size_t length = strlen(item->d_name);
            if (destination || (length > 3 && !strcmp(item->d_name + length - 3, ".md"))) {
                add(path, target, 0);
            } else {
                free(path);
            }
        } else {
            errno = EINVAL;
            fail("neither a file nor a folder:", path);
        }
    }
    closedir(folder);
}

static char *read_all(const char *path, size_t *size) {
    int descriptor = open(path, O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) fail("cannot open", path);
    struct stat status;
    if (fstat(descriptor, &status) != 0) fail("cannot stat", path);
    char *bytes = malloc(status.st_size ? status.st_size : 1);
    size_t done = 0;
    while (done < (size_t)status.st_size) {
        ssize_t got = read(descriptor, bytes + done, status.st_size - done);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) fail("cannot read", path);
        done += got;
    }
    close(descriptor);
    *size = done;
    return bytes;
}

static void *parse_files(void *unused) {
    (void)unused;
    size_t index;
    while ((index = atomic_fetch_add(&next_entry, 1)) < count) {
        size_t size;
        char *text = read_all(entries[index].source, &size);
        cmark_node *document = cmark_parse_document(text, size, CMARK_OPT_SOURCEPOS | CMARK_OPT_DEFAULT);
        cmark_node_free(document);
        free(text);
    }
    return NULL;
}

/* Makes `path`'s missing folders, as a build does when its first write into a folder fails. */
static void make_folders(char *path) {
    if (mkdir(path, 0755) == 0 || errno == EEXIST) return;
    char *slash = strrchr(path, '/');
    if (errno != ENOENT || !slash) fail("cannot make", path);
    *slash = 0;
    make_folders(path);
    *slash = '/';
    if (mkdir(path, 0755) != 0 && errno != EEXIST) fail("cannot make", path);
}

static int write_file(const Entry *entry) {
    int descriptor = open(entry->destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (descriptor < 0) return 0;
    size_t done = 0;
    while (done < entry->size) {
        ssize_t wrote = write(descriptor, entry->bytes + done, entry->size - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote < 0) fail("cannot write", entry->destination);
        done += wrote;
    }
    if (close(descriptor) != 0) fail("cannot close", entry->destination);
    return 1;
}

static void *write_files(void *unused) {
    (void)unused;
    size_t index;
    while ((index = atomic_fetch_add(&next_entry, 1)) < batch_end) {
        Entry *entry = &entries[index];
        if (entry->folder) {
            make_folders(entry->destination);
        } else if (!write_file(entry)) {
            /* The other thread may not have made the folder yet. */
            if (errno != ENOENT) fail("cannot open", entry->destination);
            char *slash = strrchr(entry->destination, '/');
            *slash = 0;
            make_folders(entry->destination);
            *slash = '/';
            if (!write_file(entry)) fail("cannot open", entry->destination);
        }
    }
    return NULL;
}

static double now(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return time.tv_sec + time.tv_nsec / 1e9;
}

static void run_threads(void *(*work)(void *)) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    pthread_t threads[cores];
    for (long i = 0; i < cores; i++) pthread_create(&threads[i], NULL, work, NULL);
    for (long i = 0; i < cores; i++) pthread_join(threads[i], NULL);
}

int main(int argc, char **argv) {
    if (argc == 3 && !strcmp(argv[1], "parse")) {
        walk(argv[2], NULL);
        run_threads(parse_files);
        printf("parsed %zu files\n", count);
        return 0;
    }
    if (argc == 4 && !strcmp(argv[1], "write")) {
        walk(argv[2], argv[3]);
        if (mkdir(argv[3], 0755) != 0) fail("cannot make", argv[3]);
        double seconds = 0;
        size_t files = 0, bytes = 0;
        for (size_t start = 0; start < count; start = batch_end) {
            size_t held = 0;
            for (batch_end = start; batch_end < count && held < BATCH; batch_end++) {
                Entry *entry = &entries[batch_end];
                if (entry->folder) continue;
                entry->bytes = read_all(entry->source, &entry->size);
                held += entry->size;
                files++;
            }
            bytes += held;
            atomic_store(&next_entry, start);
            double begin = now();
            run_threads(write_files);
            seconds += now() - begin;
            for (size_t i = start; i < batch_end; i++) {
                free(entries[i].bytes);
                entries[i].bytes = NULL;
            }
        }
        printf("wrote %zu files, %zu folders, %.1f MB in %.6f s\n", files, count - files, bytes / 1e6, seconds);
        return 0;
    }
    fprintf(stderr, "usage: floor parse DIR | floor write SOURCE DEST\n");
    return 2;
}
