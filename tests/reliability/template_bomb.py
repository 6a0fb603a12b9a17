"""What a worker would run if the save-time checks missed something: the user's template
rendered in the sandbox with no vetting at all. Tests start workers on this to prove the hard
limits hold by themselves."""
from backend import render


def exponential(levels: int, guard: str = "Northwind Labs") -> str:
    """Lists that each hold the previous one twice, compared: 2**levels steps in one C call."""
    sets = "".join(f"{{% set a{i} = [a{i - 1}, a{i - 1}] %}}{{% set b{i} = [b{i - 1}, b{i - 1}] %}}"
                   for i in range(1, levels))
    return ("{% set a0 = [company, company] %}{% set b0 = [company, company] %}" + sets +
            f"{{% if company != '{guard}' and a{levels - 1} == b{levels - 1} %}}same{{% endif %}}")


def render_unvetted(subject: str, body: str, context: dict) -> tuple[str, str]:
    """Render with the sandbox alone: no limits on what the template builds."""
    env = render.sandbox()
    return (env.from_string(subject).render(context), env.from_string(body).render(context))
