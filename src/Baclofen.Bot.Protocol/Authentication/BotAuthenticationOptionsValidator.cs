using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>Stops start-up with every problem <see cref="BotAuthenticationOptions.Validate"/> finds, by name,
/// so an operator sees "MicrosoftAppPassword is required" rather than a generic refusal. Never quotes values.</summary>
internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
