using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application;

/// <summary>Validates an options class with its own list of problems: each names the setting, its value and its range.</summary>
internal sealed class OptionsValidator<TOptions>(Func<TOptions, IEnumerable<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var found = problems(options).ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}

/// <summary>Registers options that are validated when first read and, in a host, when it starts.</summary>
internal static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, Func<TOptions, IEnumerable<string>> problems)
        where TOptions : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new OptionsValidator<TOptions>(problems)));
        return services.AddOptions<TOptions>().ValidateOnStart();
    }

    /// <summary>A problem when <paramref name="value"/> is outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static IEnumerable<string> Range<T>(string setting, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            yield return FormattableString.Invariant($"{setting} is {value}; it must be from {min} to {max}.");
        }
    }
}
