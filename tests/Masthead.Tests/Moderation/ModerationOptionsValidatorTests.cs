using Masthead.Moderation;

namespace Masthead.Tests.Moderation;

public sealed class ModerationOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultOptions_Succeed()
    {
        Assert.True(new ModerationOptionsValidator().Validate(null, new ModerationOptions()).Succeeded);
    }

    [Fact]
    public void Validate_ThresholdOutOfRangeAndBadListLine_FailNamingTheSettings()
    {
        var options = new ModerationOptions { MaxLinks = -1, ExtraListEntries = ["maybe insult x"] };
        options.Thresholds[Category.Threat] = new Thresholds(1.5);

        var result = new ModerationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Masthead:Moderation:Thresholds:Threat:Hold", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxLinks", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ExtraListEntries", result.FailureMessage, StringComparison.Ordinal);
    }
}
