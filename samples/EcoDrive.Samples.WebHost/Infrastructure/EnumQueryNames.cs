namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// An endpoint filter factory: an enum in the query string is one of its names, as the OpenAPI document lists them.
/// Minimal APIs bind enums with <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>, which also takes
/// integers (<c>?settlement=1</c>, even <c>?settlement=99</c>) and comma-separated combinations; those are refused
/// with a 400 naming the parameter. Endpoints without an enum parameter are left untouched.
/// </summary>
internal static class EnumQueryNames
{
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var enums = context.MethodInfo.GetParameters()
            .Select(p => (p.Name, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type.IsEnum && p.Name is not null)
            .Select(p => (Name: p.Name!, Names: Enum.GetNames(p.Type)))
            .ToArray();
        if (enums.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            var query = invocation.HttpContext.Request.Query;
            foreach (var (name, names) in enums)
            {
                foreach (var value in query[name])
                {
                    if (value is not null && !names.Contains(value, StringComparer.OrdinalIgnoreCase))
                    {
                        return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
                            new Dictionary<string, string[]> { [name] = [$"'{value}' is not one of {string.Join(", ", names)}."] },
                            title: "Invalid request",
                            extensions: new Dictionary<string, object?> { ["code"] = "request.invalid" }));
                    }
                }
            }

            return next(invocation);
        };
    }
}
