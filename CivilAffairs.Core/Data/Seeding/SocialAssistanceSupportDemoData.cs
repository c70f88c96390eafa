namespace CivilAffairs.Core.Data.Seeding;

/// <summary>Demo data of the social-assistance support programmes (filled in below).</summary>
public sealed class SocialAssistanceSupportDemoData
{
    public Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}
