using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Assistant.Storage.Embedded;

/// <summary>
/// A whole file mapped read-only into memory: its pages are read from disk (or the page cache) when first touched and
/// can be dropped again by the OS, so opening costs no copy and memory follows what is used, not the file's size.
/// The mapping lives as long as this object: snapshots are replaced without being disposed (a search may still be
/// running on the old one), so it is released when the last reference is gone (finalizer), never under a reader.
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _start;

    private MappedFile(MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* start, long length)
    {
        _map = map;
        _view = view;
        _start = start;
        Length = length;
    }

    public long Length { get; }

    public static MappedFile Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var length = stream.Length;
        if (length == 0)
        {
            // An empty file cannot be mapped; an empty index has several.
            stream.Dispose();
            return new MappedFile(null, null, null, 0);
        }
        var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        return new MappedFile(map, view, pointer + view.PointerOffset, length);
    }

    /// <summary><paramref name="count"/> values of <typeparamref name="T"/> starting at element <paramref name="index"/> (not byte).</summary>
    public ReadOnlySpan<T> Read<T>(long index, int count) where T : unmanaged
    {
        var offset = index * sizeof(T);
        if (index < 0 || count < 0 || offset + (long)count * sizeof(T) > Length)
        {
            throw new InvalidDataException($"Read past the end of a mapped file ({offset} + {count} × {sizeof(T)} > {Length}).");
        }
        return count == 0 ? [] : new ReadOnlySpan<T>(_start + offset, count);
    }

    /// <summary>How many whole values of <typeparamref name="T"/> the file holds.</summary>
    public long Count<T>() where T : unmanaged => Length / sizeof(T);

    ~MappedFile()
    {
        if (_view is null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map!.Dispose();
    }
}

/// <summary>
/// One passage in <c>passages.bin</c>: fixed size, so passage <c>n</c> is read at <c>n × size</c> without an index.
/// Offsets point into the document texts (<c>texts.utf16</c>, by document) and the strings file (<c>strings.utf8</c>).
/// </summary>
/// <param name="Document">Position of the passage's document in <c>documents.jsonl</c>.</param>
/// <param name="Start">UTF-16 offset into the document text, inclusive.</param>
/// <param name="End">UTF-16 offset into the document text, exclusive.</param>
/// <param name="Ordinal">Position of the passage within its document.</param>
/// <param name="IdOffset">Byte offset of the passage id in <c>strings.utf8</c>.</param>
/// <param name="TermsOffset">Byte offset of the analysed terms (space-separated) in <c>strings.utf8</c>.</param>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct PassageEntry(int Document, int Start, int End, int Ordinal, long IdOffset, int IdLength, int TermsLength, long TermsOffset);

/// <summary>One line of <c>documents.jsonl</c>: a document's metadata and where its text and passages are.</summary>
/// <param name="TextOffset">Offset of the text in <c>texts.utf16</c>, in UTF-16 code units.</param>
/// <param name="FirstPassage">Ordinal of its first passage in the generation; its passages are consecutive.</param>
internal sealed record DocumentEntry(string DocumentId, string Title, string ContentHash, long TextOffset, int TextLength, int FirstPassage, int PassageCount);
