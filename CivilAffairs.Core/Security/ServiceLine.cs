namespace CivilAffairs.Core.Security;

/// <summary>The bureau's service lines (业务条线); a Staff user is granted one or more.</summary>
public enum ServiceLine
{
    ElderlyCare = 1,
    SocialAssistance = 2,
    SocialOrganizations = 3,
    Charity = 4,
    SocialAffairs = 5,
    ChildAndDisabilityWelfare = 6,
}

public static class ServiceLines
{
    public static IReadOnlyList<ServiceLine> All { get; } = Enum.GetValues<ServiceLine>();

    public static string ChineseName(this ServiceLine line) => line switch
    {
        ServiceLine.ElderlyCare => "养老服务",
        ServiceLine.SocialAssistance => "社会救助",
        ServiceLine.SocialOrganizations => "社会组织",
        ServiceLine.Charity => "慈善事业",
        ServiceLine.SocialAffairs => "社会事务",
        ServiceLine.ChildAndDisabilityWelfare => "儿童福利与残疾人福利",
        _ => line.ToString(),
    };

    public static string EnglishName(this ServiceLine line) => line switch
    {
        ServiceLine.ElderlyCare => "Elderly care",
        ServiceLine.SocialAssistance => "Social assistance",
        ServiceLine.SocialOrganizations => "Social organisations",
        ServiceLine.Charity => "Charity",
        ServiceLine.SocialAffairs => "Social affairs",
        ServiceLine.ChildAndDisabilityWelfare => "Child welfare and disability",
        _ => line.ToString(),
    };

    /// <summary>Stored form: a comma-separated list of enum names.</summary>
    public static string Format(IEnumerable<ServiceLine> lines) =>
        string.Join(',', lines.Distinct().Order().Select(l => l.ToString()));

    public static IReadOnlySet<ServiceLine> Parse(string? stored)
    {
        var set = new HashSet<ServiceLine>();
        foreach (var part in (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<ServiceLine>(part, out var line))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
