"""Fixed tables the demo dataset is drawn from: fairs and pavilions, Japanese SMEs by sector,
foreign buyers by region and by what they buy. Plain data; the drawing happens one level up."""
