"""Sample live posts for the demo's live blogs, and the simulated correspondent's lines."""

from __future__ import annotations

SPANISH_SUMMARY = (
    "Tres barrios ribereños, evacuados.\n"
    "200.000 hogares sin electricidad en el peor momento.\n"
    "Colegios cerrados el jueves en toda la costa."
)
ENGLISH_SUMMARY = (
    "Three riverside districts evacuated.\n"
    "200,000 homes lost power at the height of the storm.\n"
    "Schools shut on Thursday along the coast."
)

SPANISH_OPENING = [
    ("La tormenta Aurelia toca tierra en la costa de Valdemar con rachas de 110 km/h.", True),
    ("Protección Civil pide a los vecinos del Muelle que suban a los pisos altos.", False),
    ("El río Claro supera en dos metros su nivel habitual a su paso por La Ribera.", True),
    ("Los trenes de cercanías entre Puerto Valdemar y Costa Alta quedan suspendidos.", True),
]
CHILEAN_SUMMARY = (
    "Contenido de muestra: la comunidad chilena de la costa de Valdemar, ficticia.\n"
    "El consulado abre una línea para familias que buscan noticias.\n"
    "Dos vuelos de Santiago a Puerto Valdemar, suspendidos."
)
CHILEAN_OPENING = [
    (
        "El consulado en Puerto Valdemar abre una línea para las familias chilenas que buscan "
        "noticias de los suyos (contenido de muestra).",
        True,
    ),
    ("Suspendidos los dos vuelos de la tarde entre Santiago y Puerto Valdemar.", False),
    (
        "Estudiantes chilenos de intercambio en Costa Alta, trasladados a un albergue "
        "municipal: todos están bien, según su universidad (ficticia).",
        False,
    ),
]
# The English blog translates the first three Spanish posts; the fourth, a key
# event, is left for its desk to translate.
ENGLISH_OPENING = [
    ("Storm Aurelia makes landfall on the Valdemar coast with 110 km/h gusts.", True),
    ("Civil protection asks Muelle residents to move to upper floors.", False),
    ("The river Claro is two metres above its usual level in La Ribera.", True),
]

# What the simulated correspondent files while the demo runs, in turn.
SPANISH_LINES = [
    "Las brigadas de rescate trabajan en la calle Mayor de La Ribera (contenido de muestra).",
    "La compañía eléctrica restablece el suministro en otros 5.000 hogares.",
    "El viento amaina en Puerto Valdemar; la lluvia sigue siendo intensa en el interior.",
    "Abren dos pabellones municipales para las familias evacuadas.",
    "Los servicios meteorológicos mantienen el aviso rojo hasta la medianoche.",
    "Cortada la carretera de la costa a la altura de San Telmo por desprendimientos.",
    "Voluntarios reparten mantas y comida caliente en el puerto.",
]
ENGLISH_LINES = [
    "Rescue teams are working on Calle Mayor in La Ribera (sample content).",
    "The power company restores electricity to another 5,000 homes.",
    "Winds ease in Puerto Valdemar; heavy rain continues inland.",
    "Two municipal sports halls open for evacuated families.",
    "Forecasters keep the red warning in place until midnight.",
    "The coast road is closed near San Telmo after landslides.",
]
