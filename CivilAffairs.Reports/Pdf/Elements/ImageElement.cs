using System.Buffers.Binary;
using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf.Elements;

/// <summary>PNG or JPEG bytes and their pixel size (read from the file header, so layout needs no decoder).</summary>
internal sealed class ImageData
{
    private ImageData(byte[] bytes, int width, int height)
    {
        Bytes = bytes;
        PixelWidth = width;
        PixelHeight = height;
    }

    public byte[] Bytes { get; }

    public int PixelWidth { get; }

    public int PixelHeight { get; }

    /// <exception cref="ArgumentException">Neither PNG nor JPEG, or a damaged header.</exception>
    public static ImageData From(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (width, height) = PngSize(bytes) ?? JpegSize(bytes)
            ?? throw new ArgumentException("图片须为 PNG 或 JPEG 格式。 The image must be PNG or JPEG bytes.", nameof(bytes));
        return width > 0 && height > 0
            ? new ImageData(bytes, width, height)
            : throw new ArgumentException("图片尺寸无效。 The image has no size.", nameof(bytes));
    }

    private static (int, int)? PngSize(byte[] b) =>
        b.Length >= 24 && b[0] == 0x89 && b[1] == (byte)'P' && b[2] == (byte)'N' && b[3] == (byte)'G'
            ? ((int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(20)))
            : null;

    private static (int, int)? JpegSize(byte[] b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8)
        {
            return null;
        }

        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF)
            {
                return null;
            }

            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2));
            // Start-of-frame markers C0–CF, except DHT (C4), JPG (C8) and DAC (CC), carry the size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 5)));
            }

            i += 2 + length;
        }

        return null;
    }
}

/// <summary>An image scaled to the width offered (keeping its aspect), or to fit the whole area.</summary>
internal sealed class ImageElement(ImageData image, ImageScaling scaling) : Element
{
    private bool _drawn;

    public override SpacePlan Measure(Size available)
    {
        if (_drawn)
        {
            return SpacePlan.Empty;
        }

        var (width, height) = Scaled(available);
        return height <= available.Height + LayoutContext.Epsilon && width > 0 ? SpacePlan.Full(width, height) : SpacePlan.Wrap;
    }

    public override void Draw(Size available, Canvas canvas)
    {
        var (width, height) = Scaled(available);
        canvas.Image((available.Width - width) / 2, 0, width, height, image);
        _drawn = true;
    }

    public override void ResetState() => _drawn = false;

    private (float Width, float Height) Scaled(Size available)
    {
        var aspect = (float)image.PixelHeight / image.PixelWidth;
        var width = available.Width;
        if (scaling == ImageScaling.FitArea && width * aspect > available.Height)
        {
            width = available.Height / aspect;
        }

        return (width, width * aspect);
    }
}
