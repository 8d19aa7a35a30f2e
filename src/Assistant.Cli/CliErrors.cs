using Assistant.Configuration;
using Assistant.AI;
using Assistant.Answering;
using Assistant.Storage;

namespace Assistant.Cli;

/// <summary>Maps failures to the one-line message and exit code a user sees; unexpected ones keep their type for diagnosis.</summary>
internal static class CliErrors
{
    public static (string Message, int ExitCode)? Describe(Exception e) => e switch
    {
        OperationCanceledException => ("cancelled", ExitCodes.Failure),
        _ when SettingsValidation.Describe(e) is { } setting => (setting, ExitCodes.BadInput),
        DirectoryNotFoundException or FileNotFoundException => (e.Message, ExitCodes.BadInput),
        InvalidQuestionException => (e.Message, ExitCodes.BadInput),
        IndexBusyException or IndexUnavailableException => (e.Message, ExitCodes.Failure),
        AiConfigurationException => (e.Message, ExitCodes.BadInput),
        _ => ($"{e.GetType().Name}: {e.Message}", ExitCodes.Failure),
    };
}
