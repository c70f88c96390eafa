using CivilAffairs.Reports.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivilAffairs.Tests.Reports.Pdf;

/// <summary>The font comes from configuration key Reports:Pdf:FontFile through DI.</summary>
public sealed class PdfReportsRegistrationTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPdfReports(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void TheConfiguredFontFileAndFaceAreUsed()
    {
        using var services = Services(("Reports:Pdf:FontFile", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), ("Reports:Pdf:FaceIndex", "1"));

        var fonts = services.GetRequiredService<PdfFonts>();

        Assert.Equal(1, fonts.FaceIndex);
        Assert.Same(fonts, services.GetRequiredService<PdfFonts>());
    }

    [Fact]
    public async Task AMissingConfiguredFontFailsWhenAPdfIsAskedForNotAtStartUp()
    {
        await using var services = Services(("Reports:Pdf:FontFile", "/nonexistent/simsun.ttc"));

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }

        var error = Assert.Throws<ChineseFontNotFoundException>(() => services.GetRequiredService<PdfFonts>());
        Assert.Contains("Reports:Pdf:FontFile", error.Message);
    }
}
