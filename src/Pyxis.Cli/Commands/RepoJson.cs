using System.Text.Json;
using Pyxis.Client.Batching;
using Repository = Pyxis.Client.GetRepositoryByRegistryPathQuery.ContainerRepository;

namespace Pyxis.Cli.Commands;

/// <summary><c>pyxis repo --output json</c>: one object per path asked, in the order asked, with a status.</summary>
internal static class RepoJson
{
    public static void Write(Utf8JsonWriter writer, IEnumerable<BatchItem<(string Registry, string Repository), Repository?>> items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writer.WriteString("registry", item.Input.Registry);
            writer.WriteString("repository", item.Input.Repository);
            if (item.Exception is { } error)
            {
                writer.WriteString("status", "failed");
                writer.WriteString("error", CommandRun.Describe(error));
            }
            else if (item.Value is not { } found)
            {
                writer.WriteString("status", "not_found");
            }
            else
            {
                writer.WriteString("status", "found");
                writer.WriteString("id", found.Id);
                if (found.Published is { } published)
                {
                    writer.WriteBoolean("published", published);
                }

                Output.JsonOutput.WriteStrings(writer, "release_categories", found.ReleaseCategories);
                Output.JsonOutput.WriteStrings(writer, "auto_rebuild_tags", found.AutoRebuildTags);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
