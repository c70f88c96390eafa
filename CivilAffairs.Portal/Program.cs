using CivilAffairs.Portal;
using CivilAffairs.Portal.Reporting;

// `-- report …` produces report files for scheduled jobs and exits; anything else runs the portal.
if (ReportCommand.Matches(args))
{
    return await ReportCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCivilAffairsPortal();

var app = builder.Build();
app.UseCivilAffairsPortal();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the portal.</summary>
public partial class Program;
