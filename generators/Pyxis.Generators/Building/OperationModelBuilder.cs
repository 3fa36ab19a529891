using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators.Building;

/// <summary>Turns a validated operation into the equatable spec the emitters write from.</summary>
internal sealed partial class OperationModelBuilder
{
    private static readonly string[] RecordMembers =
    [
        "EqualityContract",
        "Equals",
        "GetHashCode",
        "ToString",
        "Deconstruct",
        "PrintMembers",
        "GetType",
        "Clone",
        "MemberwiseClone",
        "Finalize",
    ];

    private readonly SchemaModel schema;
    private readonly string ns;
    private readonly List<RecordSpec> records = new();
    private readonly Dictionary<string, FragmentInterfaceSpec> fragments = new();
    private readonly HashSet<string> recordNames;
    private readonly Dictionary<string, IReadOnlyList<string>> candidates = new();
    private int provisional;
    private readonly HashSet<string> usedSchemaTypes;

    private OperationModelBuilder(SchemaModel schema, string ns, string className, HashSet<string> usedSchemaTypes)
    {
        this.schema = schema;
        this.ns = ns;
        this.usedSchemaTypes = usedSchemaTypes;
        recordNames = new HashSet<string> { className, "Data", "OperationName", "Document", "CreateRequest", "Json" };
    }

    public static OperationSpec Build(
        BoundOperation operation,
        SchemaModel schema,
        GeneratorOptions options,
        string path,
        HashSet<string> usedSchemaTypes
    )
    {
        var suffix = operation.Kind == "mutation" ? "Mutation" : "Query";
        var pascal = Names.Pascal(operation.Name);
        var className = pascal.EndsWith(suffix) ? pascal : pascal + suffix;
        var builder = new OperationModelBuilder(schema, options.Namespace, className, usedSchemaTypes);
        builder.BuildRecord(
            ["Data"],
            operation.RootType.Name,
            operation.Fields,
            new List<(string, FragmentInterfaceSpec)>(),
            share: false,
            fixedName: "Data"
        );
        var named = RecordNaming.Assign(builder.records, builder.candidates, builder.recordNames);
        builder.records.Clear();
        builder.records.AddRange(named);
        var root = named.Single(r => r.Name == "Data");
        var variables = builder.BuildVariables(operation.Variables, ArgumentDescriptions(operation));
        var envelope = builder.FindEnvelope(root, operation.Fields);
        return new OperationSpec(
            operation.Name,
            operation.Kind,
            options.Namespace,
            options.OperationsClass,
            className,
            path,
            operation.Document,
            variables,
            builder.records.Where(r => r == root).Concat(builder.records.Where(r => r != root)).ToEquatableArray(), // the root first: emitters read it as Records[0]
            envelope,
            operation.Alias,
            builder.fragments.Values.OrderBy(f => f.Name, System.StringComparer.Ordinal).ToEquatableArray()
        )
        {
            RootDescription = operation.Fields.Count == 1 ? operation.Fields[0].Field.Docs.Description : null,
            TypesNamespace = options.TypesNamespace,
            ClientType = options.ClientType,
        };
    }

    // A variable passed to a root field argument is documented by that argument's description.
    private static Dictionary<string, string> ArgumentDescriptions(BoundOperation operation)
    {
        var descriptions = new Dictionary<string, string>();
        foreach (var field in operation.Fields)
        {
            foreach (var pair in field.VariableArguments)
            {
                if (
                    field.Field.Arguments.FirstOrDefault(a => a.Name == pair.Key)?.Docs.Description is { } description
                    && !descriptions.ContainsKey(pair.Value)
                )
                {
                    descriptions[pair.Value] = description;
                }
            }
        }

        return descriptions;
    }

    private EquatableArray<VariableSpec> BuildVariables(List<BoundVariable> variables, Dictionary<string, string> descriptions)
    {
        var taken = new HashSet<string> { "client", "cancellationToken", "request", "data", "writer", "buffer" };
        return variables
            .Select(v =>
            {
                UseSchemaType(v.Type.NamedType);
                return new VariableSpec(v.Name, Names.Unique(Names.Camel(v.Name), taken), ValueTypes.Input(schema, v.Type), v.HasDefault)
                {
                    Description = descriptions.TryGetValue(v.Name, out var description) ? description : null,
                };
            })
            .ToEquatableArray();
    }

    // Children first, then the name: a record's name must not be one of its own properties, and a second selection
    // of the same shape shares the first one's record (and reader) instead of getting a numbered copy.
    private RecordSpec BuildRecord(
        IReadOnlyList<string> candidates,
        string schemaType,
        List<BoundField> fields,
        List<(string FullName, FragmentInterfaceSpec Spec)> interfaces,
        IEnumerable<string>? reserved = null,
        bool share = true,
        string? fixedName = null
    )
    {
        var taken = new HashSet<string>(RecordMembers.Concat(reserved ?? []));
        var properties = new List<PropertySpec>();
        var path = candidates[0] == "Data" ? string.Empty : candidates[0].Substring(candidates[0].LastIndexOf('.') + 1);
        foreach (var field in fields)
        {
            var propertyName = Names.Unique(Names.Pascal(field.ResponseKey), taken);
            var value = BuildValue(field, interfaces, path);
            properties.Add(
                new PropertySpec(
                    propertyName,
                    field.ResponseKey,
                    field.Field.Name,
                    field.Conditional ? value with { Nullable = true } : value
                )
                {
                    Docs = field.Field.Docs,
                }
            );
        }

        var error = fields.Find(f => f.Field.Name == "error" && f.Field.Type.NamedType == "ResponseError");
        var errorProperty = error is null ? null : properties[fields.IndexOf(error)];
        var errorRecord = errorProperty is null ? null : records.First(r => r?.Name == ValueTypes.Innermost(errorProperty.Type).TypeName);
        var record = new RecordSpec(
            string.Empty,
            schemaType,
            properties.ToEquatableArray(),
            errorProperty?.Name,
            errorRecord?.Properties.FirstOrDefault(p => p.SchemaField == "status" && p.Type.Scalar == ScalarKind.Int)?.Name,
            errorRecord?.Properties.FirstOrDefault(p => p.SchemaField == "detail" && p.Type.Scalar == ScalarKind.String)?.Name,
            interfaces.Select(i => Implement(i.FullName, i.Spec, properties)).ToEquatableArray()
        )
        {
            Description = schema.Find(schemaType)?.Docs.Description,
        };

        // A second selection of the same shape (type, fields, interfaces) shares the first one's record and reader.
        if (share && records.Find(r => r.BaseRecord is null && !r.IsAbstract && r with { Name = string.Empty } == record) is { } same)
        {
            return same;
        }

        var id = fixedName ?? RecordNaming.Provisional + provisional++;
        this.candidates[id] = candidates;
        records.Add(record = record with { Name = id });
        return record;
    }

    /// <summary>
    /// The names a selection's record may take, best first: its field (singular for a list; a Pyxis envelope's
    /// <c>data</c> by its schema type), then qualified by its parent's, then its schema type.
    /// </summary>
    private static List<string> RecordCandidates(BoundField field, string parent)
    {
        var typeName = Names.Type(field.Field.Type.NamedType);
        var fieldName =
            field.ResponseKey == "data" ? typeName
            : field.Field.Type.IsList ? Names.Singular(Names.Pascal(field.ResponseKey))
            : Names.Pascal(field.ResponseKey);
        return new[] { fieldName, parent + fieldName, typeName, parent + typeName }.Distinct().ToList();
    }

    private static RecordInterfaceSpec Implement(string fullName, FragmentInterfaceSpec spec, List<PropertySpec> properties) =>
        new(fullName, spec, spec.Properties.Select(p => properties.First(r => r.ResponseKey == p.ResponseKey).Name).ToEquatableArray());

    /// <summary>
    /// The interfaces of a child record: the nested interface of each interface its parent implements that
    /// selects this field, and the fragments spread into its own selection.
    /// </summary>
    private List<(string FullName, FragmentInterfaceSpec Spec)> ChildInterfaces(
        BoundField field,
        List<(string FullName, FragmentInterfaceSpec Spec)> parents
    )
    {
        var result = new List<(string FullName, FragmentInterfaceSpec Spec)>();
        foreach (var (fullName, spec) in parents)
        {
            var property = spec.Properties.FirstOrDefault(p => p.ResponseKey == field.ResponseKey);
            var nested = property is null ? null : spec.Nested.FirstOrDefault(n => n.Name == ValueTypes.Innermost(property.Type).TypeName);
            if (nested is not null)
            {
                result.Add((fullName + "." + nested.Name, nested));
            }
        }

        foreach (var fragment in field.Fragments)
        {
            if (!fragments.TryGetValue(fragment.Name, out var spec))
            {
                spec = FragmentInterfaceBuilder.Build(schema, fragment);
                fragments[fragment.Name] = spec;
            }

            result.Add(($"global::{ns}.{spec.Name}", spec));
        }

        return result;
    }

    private ValueTypeSpec BuildValue(BoundField field, List<(string FullName, FragmentInterfaceSpec Spec)> interfaces, string parent)
    {
        var named = field.Field.Type.NamedType;
        var type = schema.Find(named);
        if (type is null || type.IsLeaf)
        {
            if (type?.Kind == TypeKind.Enum)
            {
                UseSchemaType(named);
            }

            return ValueTypes.Output(schema, field.Field.Type, string.Empty);
        }

        var candidates = RecordCandidates(field, parent);
        var recordName = type.IsAbstract
            ? BuildFamily(candidates, type, field)
            : BuildRecord(candidates, named, field.Children, ChildInterfaces(field, interfaces)).Name;
        return ValueTypes.Output(schema, field.Field.Type, recordName);
    }

    private EnvelopeSpec? FindEnvelope(RecordSpec root, List<BoundField> rootFields)
    {
        if (root.Properties.Count != 1 || root.Properties[0].Type.Kind != ValueKind.Object)
        {
            return null;
        }

        var rootProperty = root.Properties[0];
        var envelope = records.First(r => r.Name == rootProperty.Type.TypeName);
        var data = envelope.Properties.FirstOrDefault(p => p.SchemaField == "data");
        if (envelope.EnvelopeError is null || data is null)
        {
            return null;
        }

        var isPage = data.Type.Kind == ValueKind.List;
        var arguments = rootFields[0].VariableArguments;
        var paging =
            isPage && arguments.TryGetValue("page", out var page) && arguments.TryGetValue("page_size", out var pageSize)
                ? new PagingSpec(
                    page,
                    pageSize,
                    envelope.Properties.FirstOrDefault(p => p.SchemaField == "total" && p.Type.Scalar == ScalarKind.Int)?.Name
                )
                : null;
        return new EnvelopeSpec(rootProperty.Name, envelope.Name, data.Name, data.Type, isPage, paging);
    }

    private void UseSchemaType(string name)
    {
        var kind = schema.Find(name)?.Kind;
        if (kind is TypeKind.Enum or TypeKind.InputObject)
        {
            usedSchemaTypes.Add(name);
        }
    }
}
