using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Assistant.Chunking;
using Assistant.Documents;

namespace Assistant.Storage.Embedded;

/// <summary>One stored passage: the passage, its analysed terms (so a later write need not re-analyse) and its vector.</summary>
internal sealed record StoredPassage(Passage Passage, string Terms, ReadOnlyMemory<float> Vector);

/// <summary>
/// Appends documents to the passage files of a folder as they come (document texts, fixed-size passage entries, ids and
/// terms, vectors), keeping only one small entry per document in memory; <see cref="CompleteAsync"/> writes the document
/// list and flushes everything to disk. Used for the writer's staging area and for a generation's final files.
/// </summary>
internal sealed class PassageStoreWriter : IDisposable
{
    private readonly FileStream _texts;
    private readonly FileStream _passages;
    private readonly FileStream _strings;
    private readonly FileStream _vectors;
    private readonly FileStream _quantized;
    private readonly string _folder;
    private readonly List<DocumentEntry> _documents = [];
    private long _textLength;
    private long _stringsLength;

    public PassageStoreWriter(string folder, int dimensions)
    {
        Directory.CreateDirectory(folder);
        _folder = folder;
        Dimensions = dimensions;
        _texts = Create(IndexFiles.TextsFile);
        _passages = Create(IndexFiles.PassagesFile);
        _strings = Create(IndexFiles.StringsFile);
        _vectors = Create(IndexFiles.VectorsFile);
        _quantized = Create(IndexFiles.QuantizedVectorsFile);
    }

    /// <summary>The vectors' length: set by the first passage when the writer starts without one.</summary>
    public int Dimensions { get; private set; }

    public int Passages { get; private set; }

    public IReadOnlyList<DocumentEntry> Documents => _documents;

    private FileStream Create(string file) => new(Path.Combine(_folder, file), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

    /// <summary>Appends a document and its passages, which must be exact slices of its text, in order.</summary>
    public DocumentEntry Append(SourceDocument document, IReadOnlyList<StoredPassage> passages)
    {
        var entry = new DocumentEntry(document.DocumentId, document.Title, document.ContentHash, _textLength, document.Text.Length, Passages, passages.Count);
        _texts.Write(MemoryMarshal.AsBytes(document.Text.AsSpan()));
        _textLength += document.Text.Length;
        foreach (var stored in passages)
        {
            var passage = stored.Passage;
            var vector = stored.Vector.Span;
            if (Dimensions == 0) Dimensions = vector.Length;
            if (vector.Length != Dimensions) throw new ArgumentException($"Vector of {vector.Length} dimensions where the index has {Dimensions}.", nameof(passages));
            // Passage texts are not stored, only their offsets: reading them back must give exactly the chunker's text.
            if (passage.Start < 0 || passage.End > document.Text.Length || passage.Start > passage.End
                || !document.Text.AsSpan(passage.Start, passage.End - passage.Start).SequenceEqual(passage.Text))
            {
                throw new ArgumentException($"Passage {passage.PassageId} is not the slice [{passage.Start}, {passage.End}) of {document.DocumentId}.", nameof(passages));
            }
            var idOffset = _stringsLength;
            var idLength = WriteString(passage.PassageId);
            var termsOffset = _stringsLength;
            var termsLength = WriteString(stored.Terms);
            var record = new PassageEntry(_documents.Count, passage.Start, passage.End, passage.Ordinal, idOffset, idLength, termsLength, termsOffset);
            _passages.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<PassageEntry>(in record)));
            _vectors.Write(MemoryMarshal.AsBytes(vector));
            var quantized = ArrayPool<byte>.Shared.Rent(QuantizedVectors.RecordSize(Dimensions));
            QuantizedVectors.Quantize(vector, quantized.AsSpan(0, QuantizedVectors.RecordSize(Dimensions)));
            _quantized.Write(quantized, 0, QuantizedVectors.RecordSize(Dimensions));
            ArrayPool<byte>.Shared.Return(quantized);
            Passages++;
        }
        _documents.Add(entry);
        return entry;
    }

    private int WriteString(string value)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            _strings.Write(buffer, 0, length);
            _stringsLength += length;
            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the document list and makes every file durable.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var stream in new[] { _texts, _passages, _strings, _vectors, _quantized })
        {
            stream.Flush(flushToDisk: true);
        }
        await IndexFiles.WriteLinesAsync(Path.Combine(_folder, IndexFiles.DocumentsFile), _documents, cancellationToken);
    }

    public void Dispose()
    {
        _texts.Dispose();
        _passages.Dispose();
        _strings.Dispose();
        _vectors.Dispose();
        _quantized.Dispose();
    }
}

/// <summary>
/// Reads whole documents back from passage files (a staging area or an earlier generation) with positioned reads, one
/// document at a time, so the writer can copy them into a new generation without mapping or loading the files.
/// </summary>
internal sealed class PassageStoreReader : IDisposable
{
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _texts;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _passages;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _strings;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _vectors;
    private readonly int _dimensions;

    public PassageStoreReader(string folder, int dimensions)
    {
        _dimensions = dimensions;
        _texts = Open(folder, IndexFiles.TextsFile);
        _passages = Open(folder, IndexFiles.PassagesFile);
        _strings = Open(folder, IndexFiles.StringsFile);
        _vectors = Open(folder, IndexFiles.VectorsFile);
    }

    private static Microsoft.Win32.SafeHandles.SafeFileHandle Open(string folder, string file) =>
        File.OpenHandle(Path.Combine(folder, file), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);

    public (SourceDocument Document, List<StoredPassage> Passages) Read(DocumentEntry entry)
    {
        var text = new string(MemoryMarshal.Cast<byte, char>(ReadBytes(_texts, entry.TextOffset * sizeof(char), entry.TextLength * sizeof(char))));
        var document = new SourceDocument(entry.DocumentId, entry.Title, text, entry.ContentHash);
        var records = MemoryMarshal.Cast<byte, PassageEntry>(ReadBytes(_passages, (long)entry.FirstPassage * Unsafe.SizeOf<PassageEntry>(), entry.PassageCount * Unsafe.SizeOf<PassageEntry>())).ToArray();
        var passages = new List<StoredPassage>(records.Length);
        if (records.Length == 0) return (document, passages);
        // A document's ids and terms are written one after the other, so one read gets them all.
        var stringsStart = records[0].IdOffset;
        var strings = ReadBytes(_strings, stringsStart, checked((int)(records[^1].TermsOffset + records[^1].TermsLength - stringsStart)));
        var vectors = MemoryMarshal.Cast<byte, float>(ReadBytes(_vectors, (long)entry.FirstPassage * _dimensions * sizeof(float), entry.PassageCount * _dimensions * sizeof(float)));
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            var id = Encoding.UTF8.GetString(strings.AsSpan(checked((int)(r.IdOffset - stringsStart)), r.IdLength));
            var terms = Encoding.UTF8.GetString(strings.AsSpan(checked((int)(r.TermsOffset - stringsStart)), r.TermsLength));
            var passage = new Passage(id, entry.DocumentId, entry.Title, r.Start, r.End, text[r.Start..r.End], r.Ordinal);
            passages.Add(new StoredPassage(passage, terms, vectors.Slice(i * _dimensions, _dimensions).ToArray()));
        }
        return (document, passages);
    }

    private static byte[] ReadBytes(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, int length)
    {
        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(file, bytes.AsSpan(read), offset + read);
            if (n == 0) throw new InvalidDataException($"A passage file ends before offset {offset + length}.");
            read += n;
        }
        return bytes;
    }

    public void Dispose()
    {
        _texts.Dispose();
        _passages.Dispose();
        _strings.Dispose();
        _vectors.Dispose();
    }
}
