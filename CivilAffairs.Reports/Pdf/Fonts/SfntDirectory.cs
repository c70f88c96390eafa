using System.Buffers.Binary;
using System.Text;

namespace CivilAffairs.Reports.Pdf.Fonts;

/// <summary>One entry of an sfnt table directory.</summary>
internal readonly record struct TableRecord(uint Tag, uint CheckSum, uint Offset, uint Length)
{
    public string Name => Encoding.ASCII.GetString(BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness(Tag)));
}

/// <summary>
/// The table directory of one face of a TrueType/OpenType file or of a .ttc collection
/// (OpenType spec, "Organization of an OpenType font" and "Font Collections").
/// </summary>
internal sealed class SfntDirectory
{
    public const uint CollectionTag = 0x74746366; // 'ttcf'
    public const uint CffTag = 0x4F54544F; // 'OTTO'
    private const uint TrueTypeVersion = 0x00010000;
    private const uint AppleTrueTypeTag = 0x74727565; // 'true'

    private SfntDirectory(uint sfntVersion, int faceCount, bool isCollection, IReadOnlyList<TableRecord> tables)
    {
        SfntVersion = sfntVersion;
        FaceCount = faceCount;
        IsCollection = isCollection;
        Tables = tables;
    }

    public uint SfntVersion { get; }

    public int FaceCount { get; }

    public bool IsCollection { get; }

    public IReadOnlyList<TableRecord> Tables { get; }

    public static uint TagOf(string tag) => BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(tag));

    public TableRecord? Find(string tag)
    {
        var wanted = TagOf(tag);
        foreach (var table in Tables)
        {
            if (table.Tag == wanted)
            {
                return table;
            }
        }

        return null;
    }

    public byte[] ReadTable(FontBytes bytes, string tag, string path) =>
        Find(tag) is { } table ? bytes.Read(table.Offset, checked((int)table.Length)) : throw new FontProblemException(FontProblems.MissingTable(path, tag));

    /// <summary>Reads the directory of face <paramref name="faceIndex"/>; throws <see cref="FontProblemException"/> when the file is not a usable TrueType font.</summary>
    public static SfntDirectory Read(FontBytes bytes, int faceIndex, string path)
    {
        if (bytes.Length < 12)
        {
            throw new FontProblemException(FontProblems.NotAFont(path));
        }

        var tag = bytes.ReadUInt32(0);
        long faceOffset = 0;
        var faceCount = 1;
        var isCollection = tag == CollectionTag;
        if (isCollection)
        {
            faceCount = checked((int)bytes.ReadUInt32(8));
            if (faceIndex < 0 || faceIndex >= faceCount)
            {
                throw new FontProblemException(FontProblems.FaceIndexOutOfRange(path, faceCount, faceIndex));
            }

            faceOffset = bytes.ReadUInt32(12 + (4L * faceIndex));
        }
        else if (faceIndex != 0)
        {
            throw new FontProblemException(FontProblems.NotACollection(path, faceIndex));
        }

        var version = bytes.ReadUInt32(faceOffset);
        if (version == CffTag)
        {
            throw new FontProblemException(FontProblems.Cff(path));
        }

        if (version != TrueTypeVersion && version != AppleTrueTypeTag)
        {
            throw new FontProblemException(FontProblems.NotAFont(path));
        }

        var count = bytes.ReadUInt16(faceOffset + 4);
        var records = bytes.Read(faceOffset + 12, 16 * count);
        var tables = new TableRecord[count];
        for (var i = 0; i < count; i++)
        {
            var r = records.AsSpan(16 * i, 16);
            tables[i] = new TableRecord(
                BinaryPrimitives.ReadUInt32BigEndian(r),
                BinaryPrimitives.ReadUInt32BigEndian(r[4..]),
                BinaryPrimitives.ReadUInt32BigEndian(r[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(r[12..]));
            if ((long)tables[i].Offset + tables[i].Length > bytes.Length)
            {
                throw new FontProblemException(FontProblems.Unreadable(path, $"table '{tables[i].Name}' lies outside the file."));
            }
        }

        return new SfntDirectory(version, faceCount, isCollection, tables);
    }
}
