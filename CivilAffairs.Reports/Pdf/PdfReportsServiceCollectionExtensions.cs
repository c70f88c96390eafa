using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Reports.Pdf;

/// <summary>Registration of the PDF engine's font.</summary>
public static class PdfReportsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PdfFontOptions"/> from <c>Reports:Pdf</c>, registers <see cref="PdfFonts"/>
    /// as a singleton (loaded on first use; throws <see cref="ChineseFontNotFoundException"/> then
    /// if no font can be used) and a start-up check that logs which font PDFs will use, or, as a
    /// warning, what to install or configure.
    /// </summary>
    public static IServiceCollection AddPdfReports(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<PdfFontOptions>(configuration.GetSection(PdfFontOptions.SectionName));
        services.TryAddSingleton(sp => PdfFonts.Load(sp.GetRequiredService<IOptions<PdfFontOptions>>().Value));
        services.AddHostedService<PdfFontStartupCheck>();
        return services;
    }
}

/// <summary>Logs at start-up whether PDF reports can find their Chinese font, so a missing font is reported before anyone asks for a PDF.</summary>
internal sealed partial class PdfFontStartupCheck(IOptions<PdfFontOptions> options, ILogger<PdfFontStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (ChineseFontLocator.TryFind(options.Value, out var path, out var problem))
        {
            FontFound(path, options.Value.FaceIndex);
        }
        else
        {
            FontMissing(problem);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PDF reports use the Chinese font {Path} (face {Face}).")]
    private partial void FontFound(string path, int face);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PDF reports cannot be generated: {Problem}")]
    private partial void FontMissing(string problem);
}
