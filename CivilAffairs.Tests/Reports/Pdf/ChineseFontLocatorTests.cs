using System.Buffers.Binary;
using CivilAffairs.Reports.Pdf;
using CivilAffairs.Reports.Pdf.Fonts;

namespace CivilAffairs.Tests.Reports.Pdf;

/// <summary>Finding, checking and loading the Chinese font.</summary>
public sealed class ChineseFontLocatorTests : IDisposable
{
    private const string WenQuanYi = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private readonly string _folder = Directory.CreateTempSubdirectory("pdf-fonts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FindsWenQuanYiWhenNothingIsConfigured()
    {
        var found = ChineseFontLocator.TryFind(null, out var path, out var problem);

        Assert.True(found, problem);
        Assert.Equal(WenQuanYi, path);
    }

    [Fact]
    public void NoFontAnywhereGivesAMessageSayingWhatToInstallOrConfigure()
    {
        var options = new PdfFontOptions { CandidateFiles = [Path.Combine(_folder, "wqy-microhei.ttc"), Path.Combine(_folder, "simhei.ttf")] };

        var found = ChineseFontLocator.TryFind(options, out _, out var problem);
        var error = Assert.Throws<ChineseFontNotFoundException>(() => PdfFonts.Load(options));

        Assert.False(found);
        Assert.StartsWith("未找到可用的中文字体：请安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei），或在配置 Reports:Pdf:FontFile 中指定 TrueType 字体文件。", problem);
        Assert.Contains("No usable Chinese font", problem);
        Assert.Equal(problem, error.Message);
    }

    [Fact]
    public void AConfiguredFileThatDoesNotExistIsNamedWithTheSetting()
    {
        var missing = Path.Combine(_folder, "simsun.ttc");

        var error = Assert.Throws<ChineseFontNotFoundException>(() => PdfFonts.Load(new PdfFontOptions { FontFile = missing }));

        Assert.Contains(missing, error.Message);
        Assert.Contains("Reports:Pdf:FontFile", error.Message);
        Assert.Contains("不存在", error.Message);
    }

    [Fact]
    public void RefusesAFontWithPostScriptOutlines()
    {
        var otf = Path.Combine(_folder, "NotoSansCJK-Regular.otf");
        File.WriteAllBytes(otf, CffFontHeader());

        var found = ChineseFontLocator.TryFind(new PdfFontOptions { FontFile = otf }, out _, out var problem);

        Assert.False(found);
        Assert.Contains("CFF", problem);
        Assert.Contains("TrueType", problem);
    }

    [Fact]
    public void RefusesAFileThatIsNotAFont()
    {
        var text = Path.Combine(_folder, "font.ttf");
        File.WriteAllText(text, "not a font at all");

        Assert.False(ChineseFontLocator.TryFind(new PdfFontOptions { FontFile = text }, out _, out var problem));
        Assert.Contains("不是 TrueType/OpenType 字体文件", problem);
    }

    [Fact]
    public void RefusesAFontWithoutChineseGlyphs()
    {
        var latin = new[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf" }
            .FirstOrDefault(File.Exists);
        Assert.SkipWhen(latin is null, "No Latin-only TrueType font installed.");

        Assert.False(ChineseFontLocator.TryFind(new PdfFontOptions { FontFile = latin }, out _, out var problem));
        Assert.Contains("不含中文字形", problem);
    }

    [Fact]
    public void SkipsUnusableCandidatesAndTakesTheNextUsableOne()
    {
        var otf = Path.Combine(_folder, "PingFang.ttc");
        File.WriteAllBytes(otf, CffFontHeader());

        Assert.True(ChineseFontLocator.TryFind(new PdfFontOptions { CandidateFiles = [otf, WenQuanYi] }, out var path, out _));
        Assert.Equal(WenQuanYi, path);
    }

    [Fact]
    public void AFaceIndexBeyondTheCollectionIsRefused()
    {
        Assert.False(ChineseFontLocator.TryFind(new PdfFontOptions { FontFile = WenQuanYi, FaceIndex = 5 }, out _, out var problem));
        Assert.Contains("FaceIndex 5", problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ExtractsAFaceOfTheCollectionAsAStandaloneTrueTypeFont(int face)
    {
        var collection = File.ReadAllBytes(WenQuanYi);

        var font = TrueTypeFile.ExtractFace(collection, face, WenQuanYi);

        using var bytes = FontBytes.Of(font);
        var directory = SfntDirectory.Read(bytes, 0, "extracted");
        Assert.False(directory.IsCollection);
        Assert.NotNull(directory.Find("glyf"));
        Assert.Equal(0xB1B0AFBAu, WholeFileChecksum(font)); // head.checkSumAdjustment makes the file sum to the magic number
        Assert.StartsWith("WenQuanYi Micro Hei", TrueTypeFile.Inspect(bytes, 0, "extracted"));
    }

    [Fact]
    public void LoadsTheSecondFaceWhenConfigured()
    {
        var fonts = PdfFonts.Load(new PdfFontOptions { FontFile = WenQuanYi, FaceIndex = 1 });

        Assert.Equal(1, fonts.FaceIndex);
        Assert.Equal("WenQuanYi Micro Hei Mono", fonts.FamilyName);
        Assert.NotEqual(PdfFonts.Load().ResolverName, fonts.ResolverName);
        Assert.Same(fonts, PdfFonts.Load(new PdfFontOptions { FontFile = WenQuanYi, FaceIndex = 1 }));
    }

    /// <summary>The start of an OpenType font with CFF outlines ('OTTO', one 'CFF ' table).</summary>
    private static byte[] CffFontHeader()
    {
        var data = new byte[64];
        BinaryPrimitives.WriteUInt32BigEndian(data, SfntDirectory.CffTag);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(12), SfntDirectory.TagOf("CFF "));
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(20), 28);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(24), 4);
        return data;
    }

    private static uint WholeFileChecksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(i)));
        }

        return sum;
    }
}
