using UUIDNext;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Qdrant accepts only unsigned integers or UUIDs as point ids, so ids are name-based (v5) UUIDs of the passage or
/// document id: re-indexing the same passage overwrites its point instead of adding a copy.
/// </summary>
internal static class PointIds
{
    private static readonly Guid Namespace = new("4b1f6a9e-2c53-4d8e-9a07-3f2d6c1e8b54");

    public static Guid ForPassage(string passageId) => Uuid.NewNameBased(Namespace, "passage:" + passageId);

    public static Guid ForDocument(string documentId) => Uuid.NewNameBased(Namespace, "document:" + documentId);
}
