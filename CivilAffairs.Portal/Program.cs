using CivilAffairs.Portal;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivilAffairsPortal();

var app = builder.Build();
app.UseCivilAffairsPortal();
app.Run();

/// <summary>Entry point; public so that tests can host the portal.</summary>
public partial class Program;
