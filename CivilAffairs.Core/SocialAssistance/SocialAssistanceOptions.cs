namespace CivilAffairs.Core.SocialAssistance;

/// <summary>Deadlines of the 低保 procedure and the top-up rate; section <c>SocialAssistance</c> of the configuration.</summary>
public sealed class SocialAssistanceOptions
{
    public const string SectionName = "SocialAssistance";

    /// <summary>Whole procedure, application to decision, in working days.</summary>
    public int WholeProcessWorkingDays { get; set; } = 25;

    /// <summary>Application to public notice (township review: survey and income check), in working days.</summary>
    public int ReviewWorkingDays { get; set; } = 15;

    /// <summary>公示 period in calendar days; a case cannot be confirmed before it has run.</summary>
    public int NoticeDays { get; set; } = 7;

    /// <summary>End of the notice to confirmation, in working days.</summary>
    public int ConfirmationWorkingDays { get; set; } = 3;

    /// <summary>分类施保: monthly top-up per classified member as a share of the standard.</summary>
    public decimal TopUpRate { get; set; } = 0.10m;
}
