using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Assistant.Storage.Embedded;

/// <summary>
/// Int8 copies of the vectors (<c>vectors.i8</c>): per passage a float scale, then one signed byte per dimension
/// (the component × 127 / the vector's largest magnitude, rounded). The dense search scans these (a quarter of the
/// float vectors' bytes) for a shortlist, then ranks the shortlist by the exact float cosine, so the order it returns is
/// the exact order whenever the true best passages are on the shortlist.
/// </summary>
internal static class QuantizedVectors
{
    /// <summary>Bytes of one passage's record for <paramref name="dimensions"/>.</summary>
    public static int RecordSize(int dimensions) => sizeof(float) + dimensions;

    /// <summary>Writes the record of <paramref name="vector"/> into <paramref name="record"/> (of <see cref="RecordSize"/> bytes).</summary>
    public static void Quantize(ReadOnlySpan<float> vector, Span<byte> record)
    {
        var largest = vector.Length == 0 ? 0f : TensorPrimitives.MaxMagnitude(vector);
        var scale = largest == 0 ? 0f : MathF.Abs(largest) / 127f;
        MemoryMarshal.Write(record, in scale);
        Quantize(vector, scale, MemoryMarshal.Cast<byte, sbyte>(record[sizeof(float)..]));
    }

    /// <summary>The query's int8 form (its own scale does not change the order of scores, so it is dropped).</summary>
    public static sbyte[] QuantizeQuery(ReadOnlySpan<float> vector)
    {
        var largest = vector.Length == 0 ? 0f : MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        var values = new sbyte[vector.Length];
        Quantize(vector, largest == 0 ? 0f : largest / 127f, values);
        return values;
    }

    private static void Quantize(ReadOnlySpan<float> vector, float scale, Span<sbyte> values)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            values[i] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127f, 127f);
        }
    }

    /// <summary>The approximate dot product of the query's int8 form with one record, up to the query's own scale.</summary>
    public static float Score(ReadOnlySpan<sbyte> query, ReadOnlySpan<byte> record) =>
        MemoryMarshal.Read<float>(record) * Dot(query, MemoryMarshal.Cast<byte, sbyte>(record[sizeof(float)..]));

    /// <summary>Integer dot product; products of two int8 values fit a 16-bit lane, their sums are taken in 32 bits.</summary>
    /// <remarks>Compiled optimised at once: a one-question process would otherwise scan every vector with unoptimised code.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var sum = 0;
        if (Vector256.IsHardwareAccelerated && a.Length >= Vector256<sbyte>.Count)
        {
            var total = Vector256<int>.Zero;
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (aLow, aHigh) = Vector256.Widen(Vector256.Create(a.Slice(i, Vector256<sbyte>.Count)));
                var (bLow, bHigh) = Vector256.Widen(Vector256.Create(b.Slice(i, Vector256<sbyte>.Count)));
                var (p1, p2) = Vector256.Widen(aLow * bLow);
                var (p3, p4) = Vector256.Widen(aHigh * bHigh);
                total += (p1 + p2) + (p3 + p4);
            }
            sum = Vector256.Sum(total);
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
