namespace CivilAffairs.Core.SocialAffairs;

/// <summary>Settings of the 社会事务 line (configuration section <c>SocialAffairs</c>).</summary>
public sealed class SocialAffairsOptions
{
    public const string SectionName = "SocialAffairs";

    /// <summary>Working days the after-death formalities took before 身后一件事 (one visit per office); the reduction indicator compares with it.</summary>
    public int AfterDeathBaselineDays { get; set; } = 20;
}
