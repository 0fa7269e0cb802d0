//! The matrix of framework × capability and its list of exceptions (in the README and the
//! frameworks guide), written from the suite's data: the cells the cases decide are read from
//! the exceptions, the others from [`ROWS`], which the suite checks (the apps use those layers,
//! every problem answer is checked for `instance`, every framework is asked for pages, every
//! docs tool is read).

use std::fmt::Write as _;

use super::cases::{Expect, Header, Kind, Problem, CASES};
use super::documents::Tool;
use super::exceptions::{exception, Exception, EXCEPTIONS};
use super::Framework;

/// What the suite knows of a framework beyond its answers.
pub struct Row {
    pub framework: Framework,
    /// The layer of status-core that adds `instance`, as the app uses it.
    pub instance: &'static str,
    /// The layer of status-core that answers a browser with a page, as the app uses it.
    pub pages: &'static str,
    /// The docs tools that document the framework's rejections.
    pub docs: &'static [Tool],
}

/// Every framework's row, in the guide's order.
pub const ROWS: [Row; 6] = [
    Row {
        framework: Framework::Axum,
        instance: "`problem_instance`",
        pages: "`Negotiation`",
        docs: &[Tool::Aide, Tool::Utoipa],
    },
    Row {
        framework: Framework::ActixWeb,
        instance: "`problem_instance`",
        pages: "`negotiate`",
        docs: &[Tool::Utoipa],
    },
    Row {
        framework: Framework::Rocket,
        instance: "`ProblemInstance`",
        pages: "`Negotiation`",
        docs: &[Tool::Utoipa],
    },
    Row {
        framework: Framework::Poem,
        instance: "`ProblemInstance`",
        pages: "`Negotiation`",
        docs: &[Tool::PoemOpenapi],
    },
    Row {
        framework: Framework::Salvo,
        instance: "`ProblemInstance`",
        pages: "`Negotiation`",
        docs: &[Tool::SalvoOapi],
    },
    Row {
        framework: Framework::Warp,
        instance: "`problem_instance`",
        pages: "`negotiate`",
        docs: &[Tool::Utoipa],
    },
];

/// The row of `framework`.
pub fn row(framework: Framework) -> &'static Row {
    ROWS.iter()
        .find(|row| row.framework == framework)
        .expect("a row per framework")
}

/// The examples CI's contract step serves and points schemathesis at (`.ci/run`), each with
/// the framework and the docs tool it is.
pub const CONTRACT: &[(&str, Framework, Tool)] = &[
    ("aide", Framework::Axum, Tool::Aide),
    ("utoipa", Framework::Axum, Tool::Utoipa),
    ("utoipa_actix", Framework::ActixWeb, Tool::Utoipa),
    ("poem_server", Framework::Poem, Tool::PoemOpenapi),
    ("salvo_server", Framework::Salvo, Tool::SalvoOapi),
];

/// The matrix's columns.
pub const COLUMNS: [&str; 9] = [
    "framework",
    "enum served",
    "own errors as rejections",
    "405 `Allow`",
    "exact pointers",
    "`instance`",
    "pages",
    "docs tool with rejections",
    "schemathesis-clean",
];

/// The guide's matrix, one line per framework.
pub fn matrix() -> String {
    let mut lines = vec![
        format!("| {} |", COLUMNS.join(" | ")),
        format!("|{}", "---|".repeat(COLUMNS.len())),
    ];
    for row in &ROWS {
        lines.push(format!("| {} |", cells(row).join(" | ")));
    }
    lines.join("\n")
}

/// The cells of `row`'s line.
fn cells(row: &Row) -> [String; 9] {
    let framework = row.framework;
    let excepted = |kinds: &[Kind], differs: fn(&Problem, &Expect) -> bool| -> Vec<&str> {
        CASES
            .iter()
            .filter(|case| kinds.contains(&case.kind))
            .filter(|case| {
                exception(framework, case.name).is_some_and(|exception| match case.expect {
                    Expect::Problem(problem) => differs(&problem, &exception.answers),
                    Expect::Success(_) => true,
                })
            })
            .map(|case| case.name)
            .collect()
    };
    let served = |cases: Vec<&str>| match cases.as_slice() {
        [] => "yes".to_owned(),
        cases => format!("all but `{}`", cases.join("`, `")),
    };
    let enum_served = served(excepted(&[Kind::Variant], |_, _| true));
    let rejections = served(excepted(
        &[Kind::Rejection, Kind::Accepted],
        |problem, answer| !is_row(problem, answer),
    ));
    let allow = match exception(framework, "wrong_method").map(|e| e.answers) {
        Some(Expect::Problem(answer)) if allow_of(&answer) != Some(Header::Lists("GET")) => "no",
        _ => "yes",
    };
    let pointers: Vec<&str> = CASES
        .iter()
        .filter_map(|case| {
            let Expect::Problem(problem) = case.expect else {
                return None;
            };
            let Expect::Problem(answer) = exception(framework, case.name)?.answers else {
                return None;
            };
            problem.pointer?;
            (answer.pointer != problem.pointer).then_some(answer.pointer.unwrap_or("none"))
        })
        .collect();
    let pointers = match pointers.first() {
        None => "yes".to_owned(),
        Some(pointer) => format!("no, `{pointer}`"),
    };
    let docs: Vec<&str> = row.docs.iter().map(|tool| tool.name()).collect();
    let contract: Vec<&str> = CONTRACT
        .iter()
        .filter(|(_, of, _)| *of == framework)
        .map(|(_, _, tool)| tool.name())
        .collect();
    let contract = if contract.is_empty() {
        "not run".to_owned()
    } else {
        contract.join(", ")
    };
    [
        framework.name().to_owned(),
        enum_served,
        rejections,
        allow.to_owned(),
        pointers,
        row.instance.to_owned(),
        row.pages.to_owned(),
        docs.join(", "),
        contract,
    ]
}

/// Whether `answer` has the status and code of `problem`, whatever its headers and pointer.
fn is_row(problem: &Problem, answer: &Expect) -> bool {
    match answer {
        Expect::Problem(answer) => (answer.status, answer.code) == (problem.status, problem.code),
        Expect::Success(_) => false,
    }
}

fn allow_of(problem: &Problem) -> Option<Header> {
    problem
        .headers
        .iter()
        .find(|(name, _)| *name == "allow")
        .map(|(_, rule)| *rule)
}

/// The guide's list of exceptions, by framework, in the order of the cases.
pub fn exceptions_list() -> String {
    let mut lines = Vec::new();
    for framework in Framework::ALL {
        for case in CASES {
            if let Some(exception) = exception(framework, case.name) {
                lines.push(exception_line(exception));
            }
        }
    }
    lines.join("\n")
}

fn exception_line(exception: &Exception) -> String {
    let case = super::cases::case(exception.case);
    let answer = match exception.answers {
        Expect::Success(_) => "200, from the handler".to_owned(),
        Expect::Problem(problem) => {
            let mut answer = format!("{} `{}`", problem.status, problem.code);
            if let Some(pointer) = problem.pointer {
                let _ = write!(answer, " with the pointer `{pointer}`");
            }
            for (name, rule) in problem.headers {
                if *rule == Header::Absent {
                    let _ = write!(answer, " without `{}`", header_name(name));
                }
            }
            answer
        }
    };
    format!(
        "- **{}**, `{}` (`{} {}`): {answer}; {}.",
        exception.framework.name(),
        case.name,
        case.request.method,
        case.request.target,
        exception.reason
    )
}

/// `allow` as the RFCs write it: `Allow`.
fn header_name(name: &str) -> String {
    name.split('-')
        .map(capitalized)
        .collect::<Vec<_>>()
        .join("-")
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A document's section on conformance, under `heading` (the README's, and the frameworks
/// guide's, status-core's `guide/frameworks.md`): its matrix and its list of exceptions are the
/// ones the suite's data writes, and it has no other rows or items.
pub fn assert_section_is_the_suite_s(document: &str, text: &str, heading: &str) {
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("{document} has no section {heading:?}"));
    let section = &text[start + 1..];
    let level = heading.split(' ').next().unwrap_or("#");
    let section = &section[..section[1..]
        .find(&format!("\n{level} "))
        .map_or(section.len(), |end| end + 1)];
    let matrix = matrix();
    let list = exceptions_list();
    let rows: Vec<&str> = section
        .lines()
        .filter(|line| line.starts_with("| "))
        .collect();
    let items: Vec<&str> = section
        .lines()
        .filter(|line| {
            Framework::ALL
                .iter()
                .any(|framework| line.starts_with(&format!("- **{}**, ", framework.name())))
        })
        .collect();
    assert!(
        section.contains(&matrix) && rows.len() == ROWS.len() + 1,
        "{document}'s matrix is not the suite's; it is:\n\n{matrix}\n"
    );
    assert_eq!(
        items.join("\n"),
        list,
        "{document}'s exceptions are not the suite's; they are:\n\n{list}\n"
    );
}

/// The examples CI's contract step points schemathesis at are [`CONTRACT`]'s: `.ci/run`'s
/// `for example in ...; do` of that step.
pub fn assert_contract_is_ci_s(ci: &str) {
    let step = ci
        .split("step contract")
        .nth(1)
        .expect(".ci/run has a contract step");
    let line = step
        .lines()
        .find_map(|line| line.trim().strip_prefix("for example in "))
        .expect("the contract step loops over examples");
    let mut run: Vec<&str> = line.trim_end_matches("; do").split_whitespace().collect();
    let mut listed: Vec<&str> = CONTRACT.iter().map(|(example, _, _)| *example).collect();
    run.sort_unstable();
    listed.sort_unstable();
    assert_eq!(
        run, listed,
        "CI's contract step serves other examples than CONTRACT lists: update CONTRACT, with \
         the framework and tool of each, and the matrix of the README and the frameworks guide"
    );
}

/// Every exception is of a case of the table, once per framework, and answers otherwise
/// than the case (else it would be no exception).
pub fn assert_exceptions_are_well_formed() {
    for (index, exception) in EXCEPTIONS.iter().enumerate() {
        let case = super::cases::case(exception.case);
        assert!(
            !EXCEPTIONS[..index]
                .iter()
                .any(|earlier| (earlier.framework, earlier.case)
                    == (exception.framework, exception.case)),
            "{} {}: two exceptions",
            exception.framework.name(),
            exception.case
        );
        assert!(
            !exception.reason.is_empty() && !exception.reason.ends_with('.'),
            "{}: a reason, without its full stop",
            exception.case
        );
        assert_ne!(
            format!("{:?}", exception.answers),
            format!("{:?}", case.expect),
            "{} {}: the case's own answer",
            exception.framework.name(),
            exception.case
        );
    }
}
