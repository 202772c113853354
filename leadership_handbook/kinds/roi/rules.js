// placeholder until the kind is moved
