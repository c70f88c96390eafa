using System.Buffers.Binary;

namespace CivilAffairs.Reports.Pdf.Fonts;

/// <summary>
/// The Windows Unicode subtables of a 'cmap' table, read the way PDFsharp reads them: format 4
/// (platform 3, encoding 1) for the Basic Multilingual Plane, format 12 (3/10) for the rest.
/// </summary>
internal sealed class CharacterMap
{
    private readonly byte[] _table;
    private readonly int _format4 = -1;
    private readonly int _format12 = -1;

    private CharacterMap(byte[] table)
    {
        _table = table;
        var count = U16(2);
        for (var i = 0; i < count; i++)
        {
            var record = 4 + (8 * i);
            var platform = U16(record);
            var encoding = U16(record + 2);
            var offset = checked((int)U32(record + 4));
            if (platform != 3 || encoding is not (1 or 10) || offset + 2 > table.Length)
            {
                continue;
            }

            switch (U16(offset))
            {
                case 4: _format4 = offset; break;
                case 12: _format12 = offset; break;
            }
        }
    }

    public bool HasUnicodeMap => _format4 >= 0 || _format12 >= 0;

    public static CharacterMap Parse(byte[] cmapTable) => new(cmapTable);

    /// <summary>The glyph of <paramref name="codePoint"/>, 0 (.notdef) when the font has none.</summary>
    public int GlyphIndex(int codePoint)
    {
        if (codePoint <= 0xFFFF && _format4 >= 0)
        {
            return Format4Glyph(codePoint);
        }

        return _format12 >= 0 ? Format12Glyph(codePoint) : 0;
    }

    /// <summary>Calls <paramref name="map"/> for every mapped code point of the Basic Multilingual Plane.</summary>
    public void ForEachBmpMapping(Action<int, int> map)
    {
        if (_format4 >= 0)
        {
            var segX2 = U16(_format4 + 6);
            var ends = _format4 + 14;
            var starts = ends + segX2 + 2;
            for (var s = 0; s < segX2; s += 2)
            {
                var start = U16(starts + s);
                var end = U16(ends + s);
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    var glyph = Format4Glyph(c, s);
                    if (glyph != 0)
                    {
                        map(c, glyph);
                    }
                }
            }

            return;
        }

        if (_format12 >= 0)
        {
            var groups = U32(_format12 + 12);
            for (var g = 0; g < groups; g++)
            {
                var at = _format12 + 16 + (12 * g);
                var start = U32(at);
                var end = Math.Min(U32(at + 4), 0xFFFF);
                var glyph = U32(at + 8);
                for (var c = start; c <= end; c++)
                {
                    map((int)c, (int)(glyph + (c - start)));
                }
            }
        }
    }

    private int Format4Glyph(int c)
    {
        var segX2 = U16(_format4 + 6);
        var ends = _format4 + 14;
        // Binary search for the first segment whose end code is >= c.
        int lo = 0, hi = (segX2 / 2) - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (U16(ends + (2 * mid)) < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return Format4Glyph(c, 2 * lo);
    }

    private int Format4Glyph(int c, int segmentX2)
    {
        var segX2 = U16(_format4 + 6);
        var ends = _format4 + 14;
        var starts = ends + segX2 + 2;
        var deltas = starts + segX2;
        var rangeOffsets = deltas + segX2;
        var start = U16(starts + segmentX2);
        if (c < start || c > U16(ends + segmentX2))
        {
            return 0;
        }

        var delta = (short)U16(deltas + segmentX2);
        var rangeOffset = U16(rangeOffsets + segmentX2);
        if (rangeOffset == 0)
        {
            return (c + delta) & 0xFFFF;
        }

        var address = rangeOffsets + segmentX2 + rangeOffset + (2 * (c - start));
        if (address + 2 > _table.Length)
        {
            return 0;
        }

        var glyph = U16(address);
        return glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
    }

    private int Format12Glyph(int c)
    {
        var groups = (int)U32(_format12 + 12);
        int lo = 0, hi = groups - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var at = _format12 + 16 + (12 * mid);
            if (c < U32(at))
            {
                hi = mid - 1;
            }
            else if (c > U32(at + 4))
            {
                lo = mid + 1;
            }
            else
            {
                return (int)(U32(at + 8) + (uint)(c - (int)U32(at)));
            }
        }

        return 0;
    }

    private ushort U16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_table.AsSpan(offset, 2));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(_table.AsSpan(offset, 4));
}
