"""One module per kind of question (``soort``): read and check the input, run the rules, shape the output."""
