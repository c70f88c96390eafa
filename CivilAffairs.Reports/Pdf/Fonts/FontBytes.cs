using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace CivilAffairs.Reports.Pdf.Fonts;

/// <summary>
/// Random access to the bytes of a font file. Inspecting a 20 MB collection at start-up reads only
/// its header, table directory and character map, not the whole file.
/// </summary>
internal abstract class FontBytes : IDisposable
{
    public abstract long Length { get; }

    public static FontBytes Open(string path) => new FileFontBytes(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read));

    public static FontBytes Of(byte[] data) => new MemoryFontBytes(data);

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>; throws <see cref="InvalidDataException"/> past the end.</summary>
    public byte[] Read(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > Length)
        {
            throw new InvalidDataException($"Font data ends before offset {offset} + {count} (file length {Length}).");
        }

        var buffer = new byte[count];
        ReadInto(offset, buffer);
        return buffer;
    }

    public uint ReadUInt32(long offset) => BinaryPrimitives.ReadUInt32BigEndian(Read(offset, 4));

    public ushort ReadUInt16(long offset) => BinaryPrimitives.ReadUInt16BigEndian(Read(offset, 2));

    protected abstract void ReadInto(long offset, Span<byte> buffer);

    public virtual void Dispose()
    {
    }

    private sealed class FileFontBytes(SafeFileHandle handle) : FontBytes
    {
        public override long Length { get; } = RandomAccess.GetLength(handle);

        protected override void ReadInto(long offset, Span<byte> buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var read = RandomAccess.Read(handle, buffer[done..], offset + done);
                if (read == 0)
                {
                    throw new InvalidDataException("Unexpected end of font file.");
                }

                done += read;
            }
        }

        public override void Dispose() => handle.Dispose();
    }

    private sealed class MemoryFontBytes(byte[] data) : FontBytes
    {
        public override long Length => data.Length;

        protected override void ReadInto(long offset, Span<byte> buffer) => data.AsSpan((int)offset, buffer.Length).CopyTo(buffer);
    }
}
