using System.Buffers.Binary;
using System.Text;

namespace CivilAffairs.Reports.Pdf.Fonts;

/// <summary>
/// Checks that a font file is something PDFsharp can embed as a subset (TrueType outlines, a
/// Windows Unicode cmap, Chinese glyphs) and turns one face of a .ttc collection into a standalone
/// TrueType font, which is what PDFsharp needs: it cannot read collections itself.
/// </summary>
internal static class TrueTypeFile
{
    /// <summary>Characters every usable font must have: 中 and 民 (as in 民政).</summary>
    private static readonly int[] ChineseProbe = ['中', '民'];

    private static readonly string[] RequiredTables = ["cmap", "head", "hhea", "hmtx", "loca", "maxp", "name"];

    /// <summary>Reads what is needed to judge the face; returns its family name or throws <see cref="FontProblemException"/>.</summary>
    public static string Inspect(FontBytes bytes, int faceIndex, string path)
    {
        try
        {
            var directory = SfntDirectory.Read(bytes, faceIndex, path);
            if (directory.Find("glyf") is null)
            {
                throw new FontProblemException(directory.Find("CFF ") is not null || directory.Find("CFF2") is not null
                    ? FontProblems.Cff(path)
                    : FontProblems.NoOutlines(path));
            }

            foreach (var tag in RequiredTables)
            {
                if (directory.Find(tag) is null)
                {
                    throw new FontProblemException(FontProblems.MissingTable(path, tag));
                }
            }

            var cmap = CharacterMap.Parse(directory.ReadTable(bytes, "cmap", path));
            if (!cmap.HasUnicodeMap)
            {
                throw new FontProblemException(FontProblems.NoUnicodeMap(path));
            }

            if (ChineseProbe.Any(c => cmap.GlyphIndex(c) == 0))
            {
                throw new FontProblemException(FontProblems.NoChineseGlyphs(path));
            }

            return FamilyName(directory.ReadTable(bytes, "name", path)) ?? Path.GetFileNameWithoutExtension(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or OverflowException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new FontProblemException(FontProblems.Unreadable(path, ex.Message));
        }
    }

    /// <summary>
    /// The bytes of face <paramref name="faceIndex"/> as a standalone TrueType font: a new table
    /// directory, each table copied and 4-byte aligned, checksums and head.checkSumAdjustment recomputed.
    /// A plain .ttf is returned as it is.
    /// </summary>
    public static byte[] ExtractFace(byte[] file, int faceIndex, string path)
    {
        using var bytes = FontBytes.Of(file);
        var directory = SfntDirectory.Read(bytes, faceIndex, path);
        if (!directory.IsCollection)
        {
            return file;
        }

        var tables = directory.Tables.OrderBy(t => t.Tag).ToArray();
        var headerSize = 12 + (16 * tables.Length);
        var size = (long)headerSize;
        foreach (var table in tables)
        {
            size += Align4(table.Length);
        }

        var output = new byte[checked((int)size)];
        var span = output.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, directory.SfntVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)tables.Length);
        var entrySelector = (ushort)Math.Floor(Math.Log2(tables.Length));
        var searchRange = (ushort)((1 << entrySelector) * 16);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((tables.Length * 16) - searchRange));

        var offset = headerSize;
        var headOffset = -1;
        for (var i = 0; i < tables.Length; i++)
        {
            var table = tables[i];
            file.AsSpan((int)table.Offset, (int)table.Length).CopyTo(span[offset..]);
            if (table.Tag == SfntDirectory.TagOf("head"))
            {
                headOffset = offset;
                BinaryPrimitives.WriteUInt32BigEndian(span[(offset + 8)..], 0); // checkSumAdjustment, set below
            }

            var record = span.Slice(12 + (16 * i), 16);
            BinaryPrimitives.WriteUInt32BigEndian(record, table.Tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], CheckSum(span.Slice(offset, (int)Align4(table.Length))));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], table.Length);
            offset += (int)Align4(table.Length);
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - CheckSum(span)));
        }

        return output;
    }

    /// <summary>The family name (name ID 1), English Windows entry preferred.</summary>
    public static string? FamilyName(byte[] name)
    {
        var span = name.AsSpan();
        var count = BinaryPrimitives.ReadUInt16BigEndian(span[2..]);
        var strings = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        string? best = null;
        var bestScore = -1;
        for (var i = 0; i < count; i++)
        {
            var r = span.Slice(6 + (12 * i), 12);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(r);
            var language = BinaryPrimitives.ReadUInt16BigEndian(r[4..]);
            var nameId = BinaryPrimitives.ReadUInt16BigEndian(r[6..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(r[8..]);
            var at = strings + BinaryPrimitives.ReadUInt16BigEndian(r[10..]);
            if (nameId != 1 || at + length > span.Length)
            {
                continue;
            }

            var score = platform == 3 ? (language == 0x0409 ? 3 : 2) : platform == 1 ? 1 : 0;
            if (score > bestScore)
            {
                best = platform is 0 or 3
                    ? Encoding.BigEndianUnicode.GetString(span.Slice(at, length))
                    : Encoding.Latin1.GetString(span.Slice(at, length));
                bestScore = score;
            }
        }

        return best;
    }

    private static uint Align4(uint length) => (length + 3) & ~3u;

    private static uint CheckSum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            data[whole..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }
}
